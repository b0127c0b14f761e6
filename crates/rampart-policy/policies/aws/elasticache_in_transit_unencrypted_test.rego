package rampart.aws.elasticache_in_transit_unencrypted

import data.rampart.aws.lib_data as t

test_plaintext_groups_are_denied if {
	a := t.tf_res("aws_elasticache_replication_group", "sessions", 1, {"engine": "redis"})
	b := t.tf_res("aws_elasticache_replication_group", "cache", 20, {"engine": "valkey", "transit_encryption_enabled": true, "transit_encryption_mode": "preferred", "__spans__": {"transit_encryption_mode": [25, 25]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 25}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::ElastiCache::ReplicationGroup", "Sessions", 5, {"Engine": "redis", "TransitEncryptionEnabled": false})])
}

test_tls_groups_are_allowed if {
	a := t.tf_res("aws_elasticache_replication_group", "sessions", 1, {"engine": "redis", "transit_encryption_enabled": true})
	b := t.tf_res("aws_elasticache_replication_group", "cache", 20, {"engine": "valkey", "transit_encryption_enabled": true, "transit_encryption_mode": "required"})
	c := t.tf_res("aws_elasticache_replication_group", "maybe", 40, {"transit_encryption_enabled": t.unknown("var.tls", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::ElastiCache::ReplicationGroup", "Sessions", 5, {"TransitEncryptionEnabled": "true"})])
}
