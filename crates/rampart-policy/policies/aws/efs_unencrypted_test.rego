package rampart.aws.efs_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_file_systems_are_denied if {
	a := t.tf_res("aws_efs_file_system", "shared", 1, {"creation_token": "shared"})
	b := t.tf_res("aws_efs_file_system", "home", 20, {"creation_token": "home", "encrypted": false, "__spans__": {"encrypted": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::EFS::FileSystem", "Shared", 5, {"PerformanceMode": "generalPurpose"})])
}

test_encrypted_file_systems_are_allowed if {
	a := t.tf_res("aws_efs_file_system", "shared", 1, {"encrypted": true, "kms_key_id": t.unknown("aws_kms_key.efs.arn", ["aws_kms_key.efs"])})
	b := t.tf_res("aws_efs_file_system", "maybe", 20, {"encrypted": t.unknown("var.encrypted", [])})
	count(deny) == 0 with input as t.tf([a, b])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::EFS::FileSystem", "Shared", 5, {"Encrypted": "true"})])
}
