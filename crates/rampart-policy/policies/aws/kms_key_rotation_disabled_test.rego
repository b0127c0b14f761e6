package rampart.aws.kms_key_rotation_disabled

import data.rampart.aws.lib_iam as t

test_keys_without_rotation_are_denied if {
	a := t.tf_res("aws_kms_key", "data", 1, {"description": "data"})
	b := t.tf_res("aws_kms_key", "logs", 20, {"enable_key_rotation": false, "__spans__": {"enable_key_rotation": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::KMS::Key", "Key", 5, {"KeySpec": "SYMMETRIC_DEFAULT", "EnableKeyRotation": "false"})])
}

test_rotated_and_asymmetric_keys_are_allowed if {
	a := t.tf_res("aws_kms_key", "data", 1, {"enable_key_rotation": true})
	b := t.tf_res("aws_kms_key", "sign", 20, {"customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})
	c := t.tf_res("aws_kms_key", "hmac", 40, {"key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})
	d := t.tf_res("aws_kms_key", "var", 60, {"enable_key_rotation": t.unknown("var.rotate", [])})
	count(deny) == 0 with input as t.tf([a, b, c, d])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::KMS::Key", "Key", 5, {"EnableKeyRotation": true}),
		t.cfn_res("AWS::KMS::Key", "Imported", 20, {"Origin": "EXTERNAL"}),
	])
}
