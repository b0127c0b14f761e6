# METADATA
# id: aws-efs-unencrypted
# title: EFS file system is not encrypted at rest
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EFS::FileSystem", aws_efs_file_system]
# description: >-
#   An `aws_efs_file_system` (CloudFormation `AWS::EFS::FileSystem`) leaves `encrypted` false
#   or unset, and the API default is unencrypted. Files, their metadata and backups are then
#   stored without encryption, and encryption cannot be turned on for an existing file system:
#   the data has to be copied to a new one.
# remediation: >-
#   Set `encrypted = true` (with `kms_key_id = aws_kms_key.efs.arn` for a customer-managed key;
#   CloudFormation `Encrypted: true`, `KmsKeyId`) when creating the file system, and mount it
#   with the EFS mount helper's `tls` option for encryption in transit.
# references:
#   - https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system#encrypted
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-efs-filesystem.html
package rampart.aws.efs_unencrypted

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some fs in lib.managed("aws_efs_file_system")
	v := lib.values(fs)
	lib.is_false(object.get(v, "encrypted", false))
	r := lib.attr_result(fs, v, "encrypted", sprintf("%s is not encrypted at rest", [lib.describe(fs)]))
}

deny contains r if {
	lib.is_cloudformation
	some fs in lib.managed("AWS::EFS::FileSystem")
	lib.is_false(object.get(lib.values(fs), "Encrypted", false))
	r := lib.result(fs, sprintf("%s is not encrypted at rest", [lib.describe(fs)]))
}
