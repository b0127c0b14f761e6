package rampart.gcp.gke_legacy_metadata

import data.rampart.gcp.testlib as t

test_legacy_endpoints_are_denied if {
	r := deny with input as t.doc([
		t.res("google_container_node_pool", "workers", 1, {"name": "workers", "node_config": [t.blk(5, {"machine_type": "e2-standard-4", "metadata": {"disable-legacy-endpoints": "false"}, "__spans__": {"metadata": [7, 9]}})]}),
		t.res("google_container_cluster", "main", 30, {"name": "main", "node_config": [t.blk(35, {"metadata": {"disable-legacy-endpoints": false}, "__spans__": {"metadata": [36, 36]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {7, 36}
}

test_disabled_legacy_endpoints_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_container_node_pool", "workers", 1, {"name": "workers", "node_config": [t.blk(5, {"metadata": {"disable-legacy-endpoints": "true"}})]}),
		t.res("google_container_node_pool", "b", 30, {"name": "b", "node_config": [t.blk(35, {"machine_type": "e2-standard-4"})]}),
		t.res("google_container_cluster", "main", 60, {"name": "main", "node_pool": [t.blk(65, {"node_config": [t.blk(66, {"metadata": t.unknown("local.node_metadata", [])})]})]}),
	])
}
