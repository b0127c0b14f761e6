# METADATA
# id: aws-elasticache-at-rest-unencrypted
# title: ElastiCache replication group is not encrypted at rest
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ElastiCache::ReplicationGroup", aws_elasticache_replication_group]
# description: >-
#   A Redis OSS or Valkey replication group (`aws_elasticache_replication_group`,
#   `AWS::ElastiCache::ReplicationGroup`) leaves `at_rest_encryption_enabled`
#   (`AtRestEncryptionEnabled`) false, or unset for the Redis OSS engine, whose default is
#   unencrypted. Data swapped or synced to disk and backups exported to S3 are then stored in
#   clear, and the setting cannot be changed after creation. Valkey groups that leave the
#   setting out are encrypted by default and members of a global datastore inherit it, so neither
#   is flagged.
# remediation: >-
#   Set `at_rest_encryption_enabled = true` (optionally with `kms_key_id` for a customer-managed
#   key; CloudFormation `AtRestEncryptionEnabled: true`, `KmsKeyId`) when creating the group; an
#   existing group has to be recreated from a backup.
# references:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#at_rest_encryption_enabled
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticache-replicationgroup.html
package rampart.aws.elasticache_at_rest_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# Off: explicitly false, or unset on an engine that is known (or defaults) to be Redis OSS.
off(v, flag, _) if lib.is_false(object.get(v, flag, null))

off(v, flag, engine) if {
	lib_data.absent(v, flag)
	redis(v, engine)
}

redis(v, engine) if lib_data.absent(v, engine)

redis(v, engine) if {
	is_string(v[engine])
	lower(v[engine]) == "redis"
}

deny contains r if {
	lib.is_terraform
	some g in lib.managed("aws_elasticache_replication_group")
	v := lib.values(g)
	not lib_data.given(v, "global_replication_group_id")
	off(v, "at_rest_encryption_enabled", "engine")
	r := lib.attr_result(g, v, "at_rest_encryption_enabled", sprintf("%s is not encrypted at rest", [lib.describe(g)]))
}

deny contains r if {
	lib.is_cloudformation
	some g in lib.managed("AWS::ElastiCache::ReplicationGroup")
	v := lib.values(g)
	not lib_data.given(v, "GlobalReplicationGroupId")
	off(v, "AtRestEncryptionEnabled", "Engine")
	r := lib.result(g, sprintf("%s is not encrypted at rest", [lib.describe(g)]))
}
