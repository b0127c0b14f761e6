package rampart.aws.elasticache_at_rest_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_groups_are_denied if {
	a := t.tf_res("aws_elasticache_replication_group", "sessions", 1, {"replication_group_id": "sessions", "engine": "redis"})
	b := t.tf_res("aws_elasticache_replication_group", "cache", 20, {"replication_group_id": "cache", "engine": "valkey", "at_rest_encryption_enabled": false, "__spans__": {"at_rest_encryption_enabled": [24, 24]}})
	c := t.tf_res("aws_elasticache_replication_group", "noengine", 40, {"replication_group_id": "noengine"})
	r := deny with input as t.tf([a, b, c])
	count(r) == 3
	{x.line | some x in r} == {1, 24, 40}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::ElastiCache::ReplicationGroup", "Sessions", 5, {"Engine": "redis", "ReplicationGroupDescription": "sessions"})])
}

test_encrypted_groups_are_allowed if {
	a := t.tf_res("aws_elasticache_replication_group", "sessions", 1, {"engine": "redis", "at_rest_encryption_enabled": true})
	b := t.tf_res("aws_elasticache_replication_group", "cache", 20, {"engine": "valkey"})
	c := t.tf_res("aws_elasticache_replication_group", "secondary", 40, {"global_replication_group_id": t.unknown("aws_elasticache_global_replication_group.g.global_replication_group_id", ["aws_elasticache_global_replication_group.g"])})
	d := t.tf_res("aws_elasticache_replication_group", "maybe", 60, {"engine": t.unknown("var.engine", [])})
	count(deny) == 0 with input as t.tf([a, b, c, d])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::ElastiCache::ReplicationGroup", "Sessions", 5, {"Engine": "redis", "AtRestEncryptionEnabled": "true"})])
}
