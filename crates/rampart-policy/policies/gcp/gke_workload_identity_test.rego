package rampart.gcp.gke_workload_identity

import data.rampart.gcp.testlib as t

test_missing_workload_identity_is_denied if {
	c := t.res("google_container_cluster", "main", 1, {"name": "main", "location": "europe-west1", "remove_default_node_pool": true})
	np := t.res("google_container_node_pool", "workers", 40, {"cluster": t.unknown("google_container_cluster.main.id", ["google_container_cluster.main"]), "node_config": [t.blk(45, {
		"machine_type": "e2-standard-4",
		"workload_metadata_config": [t.blk(48, {"mode": "GCE_METADATA", "__spans__": {"mode": [49, 49]}})],
	})]})
	inline := t.res("google_container_cluster", "legacy", 80, {"name": "legacy", "workload_identity_config": [t.blk(82, {"workload_pool": "acme.svc.id.goog"})], "node_pool": [t.blk(85, {"name": "default", "node_config": [t.blk(87, {"workload_metadata_config": [t.blk(88, {"node_metadata": "EXPOSE"})]})]})]})
	r := deny with input as t.doc([c, np, inline])
	count(r) == 3
	{x.line | some x in r} == {1, 49, 88}
}

test_workload_identity_is_allowed if {
	c := t.res("google_container_cluster", "main", 1, {"name": "main", "workload_identity_config": [t.blk(5, {"workload_pool": t.unknown("\"${var.project_id}.svc.id.goog\"", [])})]})
	np := t.res("google_container_node_pool", "workers", 40, {"node_config": [t.blk(45, {"workload_metadata_config": [t.blk(48, {"mode": "GKE_METADATA"})]})]})
	np2 := t.res("google_container_node_pool", "batch", 70, {"node_config": [t.blk(72, {"machine_type": "e2-standard-8"})]})
	np3 := t.res("google_container_node_pool", "other", 100, {"node_config": [t.blk(102, {"workload_metadata_config": [t.blk(103, {"mode": t.unknown("var.metadata_mode", [])})]})]})
	autopilot := t.res("google_container_cluster", "ap", 130, {"name": "ap", "enable_autopilot": true})
	maybe := t.res("google_container_cluster", "maybe", 160, {"name": "maybe", "enable_autopilot": t.unknown("var.autopilot", [])})
	dyn := t.res("google_container_cluster", "dyn", 190, {"name": "dyn", "workload_identity_config": t.unknown("dynamic", [])})
	count(deny) == 0 with input as t.doc([c, np, np2, np3, autopilot, maybe, dyn])
}
