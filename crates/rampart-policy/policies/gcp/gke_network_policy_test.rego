package rampart.gcp.gke_network_policy

import data.rampart.gcp.testlib as t

test_clusters_without_network_policy_are_denied if {
	r := deny with input as t.doc([
		t.res("google_container_cluster", "a", 1, {"name": "a"}),
		t.res("google_container_cluster", "b", 30, {"name": "b", "network_policy": [t.blk(40, {"enabled": false, "__spans__": {"enabled": [41, 41]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 41}
}

test_enforced_network_policy_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_container_cluster", "a", 1, {"name": "a", "network_policy": [t.blk(10, {"enabled": true, "provider": "CALICO"})]}),
		t.res("google_container_cluster", "b", 30, {"name": "b", "datapath_provider": "ADVANCED_DATAPATH"}),
		t.res("google_container_cluster", "c", 60, {"name": "c", "enable_autopilot": true}),
		t.res("google_container_cluster", "d", 90, {"name": "d", "network_policy": [t.blk(95, {"enabled": t.unknown("var.np", [])})]}),
	])
}
