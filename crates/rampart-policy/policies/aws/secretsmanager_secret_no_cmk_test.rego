package rampart.aws.secretsmanager_secret_no_cmk

import data.rampart.aws.lib_data as t

test_secrets_without_cmk_are_denied if {
	a := t.tf_res("aws_secretsmanager_secret", "db", 1, {"name": "prod/db"})
	b := t.tf_res("aws_secretsmanager_secret", "api", 20, {"name": "prod/api", "kms_key_id": "alias/aws/secretsmanager", "__spans__": {"kms_key_id": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::SecretsManager::Secret", "DbSecret", 5, {"Name": "prod/db"})])
}

test_secrets_with_cmk_are_allowed if {
	a := t.tf_res("aws_secretsmanager_secret", "db", 1, {"name": "prod/db", "kms_key_id": t.unknown("aws_kms_key.secrets.arn", ["aws_kms_key.secrets"])})
	count(deny) == 0 with input as t.tf([a])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::SecretsManager::Secret", "DbSecret", 5, {"KmsKeyId": t.cfn_ref("SecretsKey")})])
}
