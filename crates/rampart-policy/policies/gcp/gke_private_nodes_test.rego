package rampart.gcp.gke_private_nodes

import data.rampart.gcp.testlib as t

test_public_nodes_are_denied if {
	a := t.res("google_container_cluster", "main", 1, {"name": "main", "location": "europe-west1"})
	b := t.res("google_container_cluster", "b", 40, {"name": "b", "private_cluster_config": [t.blk(44, {"enable_private_nodes": false, "enable_private_endpoint": false, "__spans__": {"enable_private_nodes": [45, 45]}})]})
	c := t.res("google_container_cluster", "c", 80, {"name": "c", "private_cluster_config": [t.blk(84, {"master_ipv4_cidr_block": "172.16.0.0/28"})]})
	r := deny with input as t.doc([a, b, c])
	count(r) == 3
	{x.line | some x in r} == {1, 45, 84}
}

test_private_nodes_are_allowed if {
	a := t.res("google_container_cluster", "main", 1, {"name": "main", "private_cluster_config": [t.blk(4, {"enable_private_nodes": true, "enable_private_endpoint": false, "master_ipv4_cidr_block": "172.16.0.0/28"})]})
	b := t.res("google_container_cluster", "b", 40, {"name": "b", "private_cluster_config": [t.blk(44, {"enable_private_nodes": t.unknown("var.private_nodes", [])})]})
	c := t.res("google_container_cluster", "c", 80, {"name": "c", "private_cluster_config": t.unknown("dynamic", [])})
	count(deny) == 0 with input as t.doc([a, b, c])
}
