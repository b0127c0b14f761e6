package rampart.gcp.sql_ssl_not_required

import data.rampart.gcp.testlib as t

sql(name, line, settings) := t.res("google_sql_database_instance", name, line, {"name": name, "database_version": "MYSQL_8_0", "settings": [t.blk(line + 4, settings)]})

test_unencrypted_connections_are_denied if {
	r := deny with input as t.doc([
		sql("a", 1, {"tier": "db-f1-micro"}),
		sql("b", 30, {"tier": "db-f1-micro", "ip_configuration": [t.blk(36, {"ipv4_enabled": true, "require_ssl": false, "__spans__": {"require_ssl": [38, 38]}})]}),
		sql("c", 60, {"tier": "db-f1-micro", "ip_configuration": [t.blk(66, {"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "__spans__": {"ssl_mode": [67, 67]}})]}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 38, 67}
}

test_required_ssl_is_allowed if {
	count(deny) == 0 with input as t.doc([
		sql("a", 1, {"ip_configuration": [t.blk(6, {"ssl_mode": "ENCRYPTED_ONLY"})]}),
		sql("b", 30, {"ip_configuration": [t.blk(36, {"require_ssl": true})]}),
		sql("c", 60, {"ip_configuration": [t.blk(66, {"ssl_mode": t.unknown("var.ssl_mode", [])})]}),
		sql("d", 90, {"ip_configuration": [t.blk(96, {"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED", "require_ssl": false})]}),
	])
}
