# METADATA
# id: aws-secretsmanager-secret-no-cmk
# title: Secrets Manager secret uses the AWS-managed key
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::SecretsManager::Secret", aws_secretsmanager_secret]
# description: >-
#   An `aws_secretsmanager_secret` (CloudFormation `AWS::SecretsManager::Secret`) sets no
#   `kms_key_id` (`KmsKeyId`), so it is encrypted with the AWS-managed `aws/secretsmanager` key.
#   That key's policy lets every principal in the account that may read the secret also decrypt
#   it, it cannot be restricted, and a secret encrypted with it cannot be shared with another
#   account. A customer-managed key adds a second, separately granted permission in front of the
#   secret. Low because the secret is encrypted either way.
# remediation: >-
#   Set `kms_key_id = aws_kms_key.secrets.arn` (CloudFormation `KmsKeyId: !Ref SecretsKey`) with a
#   key policy that grants decrypt only to the roles that use the secret.
# references:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret#kms_key_id
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
package rampart.aws.secretsmanager_secret_no_cmk

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

aws_managed(v, key) if lib_data.absent(v, key)

aws_managed(v, key) if v[key] == ""

aws_managed(v, key) if {
	is_string(v[key])
	endswith(v[key], "alias/aws/secretsmanager")
}

deny contains r if {
	lib.is_terraform
	some s in lib.managed("aws_secretsmanager_secret")
	v := lib.values(s)
	aws_managed(v, "kms_key_id")
	r := lib.attr_result(s, v, "kms_key_id", sprintf("%s is encrypted with the AWS-managed key aws/secretsmanager, not a customer-managed KMS key", [lib.describe(s)]))
}

deny contains r if {
	lib.is_cloudformation
	some s in lib.managed("AWS::SecretsManager::Secret")
	aws_managed(lib.values(s), "KmsKeyId")
	r := lib.result(s, sprintf("%s is encrypted with the AWS-managed key aws/secretsmanager, not a customer-managed KMS key", [lib.describe(s)]))
}
