# METADATA
# id: aws-elasticache-in-transit-unencrypted
# title: ElastiCache replication group accepts unencrypted connections
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ElastiCache::ReplicationGroup", aws_elasticache_replication_group]
# description: >-
#   A Redis OSS or Valkey replication group (`aws_elasticache_replication_group`,
#   `AWS::ElastiCache::ReplicationGroup`) leaves in-transit encryption off
#   (`transit_encryption_enabled`/`TransitEncryptionEnabled` false or unset), or sets the
#   transition mode `preferred`, which accepts plaintext clients too. Cached data, session
#   tokens and the AUTH password then cross the network in clear, readable by anything that can
#   capture traffic in the VPC, and AUTH tokens and RBAC user groups require TLS anyway.
# remediation: >-
#   Set `transit_encryption_enabled = true` with `transit_encryption_mode = "required"` (once
#   all clients use TLS), and connect with TLS on the client side (CloudFormation
#   `TransitEncryptionEnabled: true`, `TransitEncryptionMode: required`).
# references:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#transit_encryption_enabled
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticache-replicationgroup.html
package rampart.aws.elasticache_in_transit_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

preferred(v, mode) if {
	is_string(v[mode])
	lower(v[mode]) == "preferred"
}

deny contains r if {
	lib.is_terraform
	some g in lib.managed("aws_elasticache_replication_group")
	v := lib.values(g)
	not lib_data.given(v, "global_replication_group_id")
	lib.is_false(object.get(v, "transit_encryption_enabled", false))
	r := lib.attr_result(g, v, "transit_encryption_enabled", sprintf("%s does not encrypt connections in transit", [lib.describe(g)]))
}

deny contains r if {
	lib.is_terraform
	some g in lib.managed("aws_elasticache_replication_group")
	v := lib.values(g)
	lib.is_true(object.get(v, "transit_encryption_enabled", false))
	preferred(v, "transit_encryption_mode")
	r := lib.attr_result(g, v, "transit_encryption_mode", sprintf("%s accepts unencrypted connections (transit_encryption_mode = \"preferred\")", [lib.describe(g)]))
}

deny contains r if {
	lib.is_cloudformation
	some g in lib.managed("AWS::ElastiCache::ReplicationGroup")
	v := lib.values(g)
	not lib_data.given(v, "GlobalReplicationGroupId")
	lib.is_false(object.get(v, "TransitEncryptionEnabled", false))
	r := lib.result(g, sprintf("%s does not encrypt connections in transit", [lib.describe(g)]))
}

deny contains r if {
	lib.is_cloudformation
	some g in lib.managed("AWS::ElastiCache::ReplicationGroup")
	v := lib.values(g)
	lib.is_true(object.get(v, "TransitEncryptionEnabled", false))
	preferred(v, "TransitEncryptionMode")
	r := lib.result(g, sprintf("%s accepts unencrypted connections (TransitEncryptionMode preferred)", [lib.describe(g)]))
}
