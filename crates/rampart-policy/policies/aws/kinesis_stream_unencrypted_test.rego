package rampart.aws.kinesis_stream_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_streams_are_denied if {
	a := t.tf_res("aws_kinesis_stream", "events", 1, {"name": "events", "shard_count": 1})
	b := t.tf_res("aws_kinesis_stream", "clicks", 20, {"name": "clicks", "encryption_type": "NONE", "__spans__": {"encryption_type": [23, 23]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 23}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::Kinesis::Stream", "Events", 5, {"ShardCount": 1})])
}

test_encrypted_streams_are_allowed if {
	a := t.tf_res("aws_kinesis_stream", "events", 1, {"name": "events", "encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})
	b := t.tf_res("aws_kinesis_stream", "maybe", 20, {"name": "maybe", "encryption_type": t.unknown("var.encryption", [])})
	count(deny) == 0 with input as t.tf([a, b])
	enc := t.block(8, {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::Kinesis::Stream", "Events", 5, {"StreamEncryption": enc})])
}
