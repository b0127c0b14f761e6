package rampart.aws.sqs_queue_unencrypted

import data.rampart.aws.lib_data as t

test_queue_with_encryption_off_is_denied if {
	q := t.tf_res("aws_sqs_queue", "jobs", 1, {"name": "jobs", "sqs_managed_sse_enabled": false, "__spans__": {"sqs_managed_sse_enabled": [3, 3]}})
	r := deny with input as t.tf([q])
	count(r) == 1
	[x.line | some x in r] == [3]
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::SQS::Queue", "Jobs", 5, {"SqsManagedSseEnabled": "false"})])
}

test_encrypted_and_default_queues_are_allowed if {
	a := t.tf_res("aws_sqs_queue", "default", 1, {"name": "default"})
	b := t.tf_res("aws_sqs_queue", "kms", 20, {"name": "kms", "sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/queues"})
	c := t.tf_res("aws_sqs_queue", "sse", 40, {"name": "sse", "sqs_managed_sse_enabled": true})
	d := t.tf_res("aws_sqs_queue", "maybe", 60, {"name": "maybe", "sqs_managed_sse_enabled": t.unknown("var.sse", [])})
	count(deny) == 0 with input as t.tf([a, b, c, d])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::SQS::Queue", "Jobs", 5, {"KmsMasterKeyId": "alias/aws/sqs"}), t.cfn_res("AWS::SQS::Queue", "Plain", 20, {})])
}
