# METADATA
# id: aws-dynamodb-table-no-cmk
# title: DynamoDB table is not encrypted with a customer-managed KMS key
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::DynamoDB::Table", aws_dynamodb_table]
# description: >-
#   An `aws_dynamodb_table` does not name a customer-managed KMS key: no `server_side_encryption`
#   block with `enabled = true` and a `kms_key_arn` (CloudFormation: `SSESpecification` without
#   `SSEEnabled: true` and `KMSMasterKeyId`). DynamoDB always encrypts tables, by default with a
#   key owned by AWS that you cannot see, audit or restrict; with the AWS-managed
#   `aws/dynamodb` key you can audit its use but not control its policy. A customer-managed key
#   adds a second, separately granted permission in front of the data and lets you revoke access
#   to the table by disabling the key. Low because the data is encrypted either way.
# remediation: >-
#   Add `server_side_encryption { enabled = true kms_key_arn = aws_kms_key.dynamodb.arn }`
#   (CloudFormation `SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref
#   TableKey}`).
# references:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#server_side_encryption
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-dynamodb-table-ssespecification.html
package rampart.aws.dynamodb_table_no_cmk

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# A key argument that names a customer-managed key, or may (unknown).
cmk(o, key) if {
	lib_data.given(o, key)
	not aws_managed_alias(o[key])
}

aws_managed_alias(k) if {
	is_string(k)
	endswith(k, "alias/aws/dynamodb")
}

deny contains r if {
	lib.is_terraform
	some tb in lib.managed("aws_dynamodb_table")
	v := lib.values(tb)
	not lib.is_unknown(object.get(v, "server_side_encryption", null))
	sse := lib_data.first_block(v, "server_side_encryption")
	not tf_cmk(sse)
	r := lib.result(tb, sprintf("%s is not encrypted with a customer-managed KMS key", [lib.describe(tb)]))
}

tf_cmk(sse) if {
	not lib.is_false(object.get(sse, "enabled", false))
	cmk(sse, "kms_key_arn")
}

deny contains r if {
	lib.is_cloudformation
	some tb in lib.managed("AWS::DynamoDB::Table")
	v := lib.values(tb)
	sse := object.get(v, "SSESpecification", {})
	is_object(sse)
	not lib.is_unknown(sse)
	not cfn_cmk(sse)
	r := lib.result(tb, sprintf("%s is not encrypted with a customer-managed KMS key", [lib.describe(tb)]))
}

cfn_cmk(sse) if {
	not lib.is_false(object.get(sse, "SSEEnabled", false))
	cmk(sse, "KMSMasterKeyId")
}
