package rampart.gcp.gke_public_endpoint

import data.rampart.gcp.testlib as t

test_public_control_plane_is_denied if {
	r := deny with input as t.doc([
		t.res("google_container_cluster", "a", 1, {"name": "a"}),
		t.res("google_container_cluster", "b", 30, {"name": "b", "private_cluster_config": [t.blk(32, {"enable_private_nodes": true, "enable_private_endpoint": false})]}),
		t.res("google_container_cluster", "c", 60, {"name": "c", "master_authorized_networks_config": [t.blk(62, {"cidr_blocks": [t.blk(63, {"cidr_block": "0.0.0.0/0", "display_name": "all", "__spans__": {"cidr_block": [64, 64]}})]})]}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 30, 64}
}

test_restricted_control_plane_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_container_cluster", "a", 1, {"name": "a", "master_authorized_networks_config": [t.blk(5, {"cidr_blocks": [t.blk(6, {"cidr_block": "203.0.113.0/24"})]})]}),
		t.res("google_container_cluster", "b", 30, {"name": "b", "private_cluster_config": [t.blk(32, {"enable_private_nodes": true, "enable_private_endpoint": true})]}),
		t.res("google_container_cluster", "c", 60, {"name": "c", "private_cluster_config": [t.blk(62, {"enable_private_endpoint": t.unknown("var.private", [])})]}),
		t.res("google_container_cluster", "d", 90, {"name": "d", "master_authorized_networks_config": [t.blk(92, {})]}),
	])
}
