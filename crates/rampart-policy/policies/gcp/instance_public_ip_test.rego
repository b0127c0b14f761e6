package rampart.gcp.instance_public_ip

import data.rampart.gcp.testlib as t

test_instance_with_access_config_is_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_instance", "web", 1, {"name": "web", "machine_type": "e2-small", "network_interface": [t.blk(8, {"network": "default", "access_config": [t.blk(10, {})]})]}),
		t.res("google_compute_instance_template", "workers", 40, {"name_prefix": "workers-", "network_interface": [t.blk(48, {"subnetwork": "apps", "access_config": [t.blk(50, {"network_tier": "STANDARD"})]})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {10, 50}
}

test_private_instance_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_instance", "app", 1, {"name": "app", "machine_type": "e2-small", "network_interface": [t.blk(8, {"subnetwork": t.unknown("google_compute_subnetwork.apps.id", ["google_compute_subnetwork.apps"])})]}),
		t.res("google_compute_instance", "dyn", 30, {"name": "dyn", "network_interface": [t.blk(38, {"network": "default", "access_config": t.unknown("dynamic access_config", [])})]}),
	])
}
