package rampart.gcp.gke_node_auto_upgrade

import data.rampart.gcp.testlib as t

test_auto_upgrade_off_is_denied if {
	r := deny with input as t.doc([
		t.res("google_container_node_pool", "workers", 1, {"name": "workers", "cluster": "main", "management": [t.blk(8, {"auto_repair": true, "auto_upgrade": false, "__spans__": {"auto_upgrade": [10, 10]}})]}),
		t.res("google_container_cluster", "main", 30, {"name": "main", "node_pool": [t.blk(40, {"name": "inline", "management": [t.blk(42, {"auto_upgrade": false, "__spans__": {"auto_upgrade": [43, 43]}})]})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {10, 43}
}

test_auto_upgrade_on_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_container_node_pool", "workers", 1, {"name": "workers", "cluster": "main", "management": [t.blk(8, {"auto_repair": true, "auto_upgrade": true})]}),
		t.res("google_container_node_pool", "batch", 30, {"name": "batch", "cluster": "main"}),
		t.res("google_container_node_pool", "v", 60, {"name": "v", "management": [t.blk(68, {"auto_upgrade": t.unknown("var.auto_upgrade", [])})]}),
	])
}
