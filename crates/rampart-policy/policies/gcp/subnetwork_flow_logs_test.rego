package rampart.gcp.subnetwork_flow_logs

import data.rampart.gcp.testlib as t

test_subnetwork_without_flow_logs_is_denied if {
	a := t.res("google_compute_subnetwork", "apps", 6, {"name": "apps", "ip_cidr_range": "10.10.0.0/20", "network": t.unknown("google_compute_network.main.id", ["google_compute_network.main"])})
	b := t.res("google_compute_subnetwork", "data", 40, {"name": "data", "ip_cidr_range": "10.11.0.0/20", "purpose": "PRIVATE"})
	r := deny with input as t.doc([a, b])
	count(r) == 2
	{x.line | some x in r} == {6, 40}
}

test_subnetwork_with_flow_logs_is_allowed if {
	a := t.res("google_compute_subnetwork", "apps", 6, {"name": "apps", "log_config": [t.blk(12, {"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 0.5, "metadata": "INCLUDE_ALL_METADATA"})]})
	proxy := t.res("google_compute_subnetwork", "proxy", 40, {"name": "proxy", "purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"})
	unknown_purpose := t.res("google_compute_subnetwork", "u", 70, {"name": "u", "purpose": t.unknown("var.purpose", [])})
	dyn := t.res("google_compute_subnetwork", "d", 100, {"name": "d", "log_config": t.unknown("dynamic", [])})
	legacy := t.res("google_compute_subnetwork", "l", 130, {"name": "l", "enable_flow_logs": true})
	count(deny) == 0 with input as t.doc([a, proxy, unknown_purpose, dyn, legacy])
}
