package rampart.aws.sns_topic_unencrypted

import data.rampart.aws.lib_data as t

test_topic_without_key_is_denied if {
	a := t.tf_res("aws_sns_topic", "alerts", 1, {"name": "alerts"})
	b := t.tf_res("aws_sns_topic", "empty", 20, {"name": "empty", "kms_master_key_id": "", "__spans__": {"kms_master_key_id": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::SNS::Topic", "Alerts", 5, {"TopicName": "alerts"})])
}

test_encrypted_topics_are_allowed if {
	a := t.tf_res("aws_sns_topic", "alerts", 1, {"name": "alerts", "kms_master_key_id": "alias/aws/sns"})
	b := t.tf_res("aws_sns_topic", "orders", 20, {"name": "orders", "kms_master_key_id": t.unknown("aws_kms_key.sns.id", ["aws_kms_key.sns"])})
	count(deny) == 0 with input as t.tf([a, b])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::SNS::Topic", "Alerts", 5, {"KmsMasterKeyId": t.cfn_ref("TopicKey")})])
}
