# METADATA
# id: aws-redshift-cluster-unencrypted
# title: Redshift cluster encryption is turned off
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Redshift::Cluster", aws_redshift_cluster]
# description: >-
#   An `aws_redshift_cluster` sets `encrypted = false` (CloudFormation `AWS::Redshift::Cluster`
#   with `Encrypted: false`). The warehouse's data blocks, system metadata and snapshots are then
#   stored unencrypted. Redshift encrypts new provisioned clusters by default since early 2025
#   and recent provider versions default to encrypted, so only an explicit false is flagged:
#   it turns that protection off on purpose.
# remediation: >-
#   Set `encrypted = true` with `kms_key_id = aws_kms_key.redshift.arn` for a customer-managed
#   key (CloudFormation `Encrypted: true`, `KmsKeyId`); an existing unencrypted cluster can be
#   encrypted in place with a modify-cluster operation.
# references:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#encrypted
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-redshift-cluster.html
package rampart.aws.redshift_cluster_unencrypted

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_redshift_cluster")
	v := lib.values(c)
	lib.is_false(object.get(v, "encrypted", null))
	r := lib.attr_result(c, v, "encrypted", sprintf("%s sets encrypted = false", [lib.describe(c)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::Redshift::Cluster")
	lib.is_false(object.get(lib.values(c), "Encrypted", null))
	r := lib.result(c, sprintf("%s sets Encrypted to false", [lib.describe(c)]))
}
