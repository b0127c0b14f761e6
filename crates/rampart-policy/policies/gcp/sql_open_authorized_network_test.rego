package rampart.gcp.sql_open_authorized_network

import data.rampart.gcp.testlib as t

sql(name, line, networks) := t.res("google_sql_database_instance", name, line, {
	"name": name, "database_version": "POSTGRES_15", "region": "europe-west1",
	"settings": [t.blk(line + 4, {"tier": "db-custom-2-7680", "ip_configuration": [t.blk(line + 6, {"ipv4_enabled": true, "authorized_networks": networks})]})],
})

test_open_authorized_network_is_denied if {
	r := deny with input as t.doc([sql("main", 1, [
		t.blk(9, {"name": "office", "value": "203.0.113.0/24"}),
		t.blk(13, {"name": "anywhere", "value": "0.0.0.0/0", "__spans__": {"value": [15, 15]}}),
	])])
	count(r) == 1
	{x.line | some x in r} == {15}
}

test_specific_networks_are_allowed if {
	count(deny) == 0 with input as t.doc([
		sql("main", 1, [t.blk(9, {"name": "office", "value": "203.0.113.0/24"}), t.blk(13, {"name": "vpn", "value": t.unknown("var.vpn_cidr", [])})]),
		sql("other", 40, []),
	])
}
