package rampart.aws.ebs_volume_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_volumes_are_denied if {
	a := t.tf_res("aws_ebs_volume", "data", 1, {"availability_zone": "eu-west-1a", "size": 100})
	b := t.tf_res("aws_ebs_volume", "scratch", 20, {"availability_zone": "eu-west-1a", "size": 50, "encrypted": false, "__spans__": {"encrypted": [23, 23]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 23}
}

test_cloudformation_unencrypted_volume_is_denied if {
	a := t.cfn_res("AWS::EC2::Volume", "Data", 5, {"Size": 100, "AvailabilityZone": "eu-west-1a", "Encrypted": "false"})
	r := deny with input as t.cfn([a])
	count(r) == 1
	[x.line | some x in r] == [5]
}

test_encrypted_volumes_are_allowed if {
	a := t.tf_res("aws_ebs_volume", "data", 1, {"size": 100, "encrypted": true, "kms_key_id": t.unknown("aws_kms_key.ebs.arn", ["aws_kms_key.ebs"])})
	b := t.tf_res("aws_ebs_volume", "restored", 20, {"snapshot_id": "snap-0123456789abcdef0"})
	c := t.tf_res("aws_ebs_volume", "maybe", 40, {"size": 10, "encrypted": t.unknown("var.encrypted", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::EC2::Volume", "Data", 5, {"Size": 100, "Encrypted": true})])
}

test_default_encryption_covers_volumes if {
	a := t.tf_res("aws_ebs_volume", "data", 1, {"size": 100})
	d := t.tf_res("aws_ebs_encryption_by_default", "this", 20, {"enabled": true})
	count(deny) == 0 with input as t.tf([a, d])
	off := t.tf_res("aws_ebs_encryption_by_default", "this", 20, {"enabled": false})
	count(deny) == 1 with input as t.tf([a, off])
}
