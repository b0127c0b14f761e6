package rampart.gcp.firewall_admin_ports

import data.rampart.gcp.testlib as t

test_ssh_and_rdp_from_internet_are_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_firewall", "ssh", 1, {"name": "allow-ssh", "network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(5, {"protocol": "tcp", "ports": ["22"], "__spans__": {"ports": [7, 7]}})]}),
		t.res("google_compute_firewall", "mgmt", 30, {"name": "mgmt", "network": "default", "direction": "INGRESS", "source_ranges": ["10.0.0.0/8", "0.0.0.0/0"], "allow": [t.blk(35, {"protocol": "tcp", "ports": ["80", "3000-3400"], "__spans__": {"ports": [37, 37]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {7, 37}
	some x in r
	contains(x.msg, "RDP")
}

test_restricted_or_other_rules_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_firewall", "iap", 1, {"name": "iap-ssh", "network": "default", "source_ranges": ["35.235.240.0/20"], "allow": [t.blk(5, {"protocol": "tcp", "ports": ["22"]})]}),
		t.res("google_compute_firewall", "web", 30, {"name": "web", "network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(35, {"protocol": "tcp", "ports": ["80", "443"]})]}),
		t.res("google_compute_firewall", "egress", 60, {"name": "egress", "network": "default", "direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(65, {"protocol": "tcp", "ports": ["22"]})]}),
		t.res("google_compute_firewall", "off", 90, {"name": "off", "network": "default", "disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(95, {"protocol": "tcp", "ports": ["22"]})]}),
		t.res("google_compute_firewall", "var", 120, {"name": "var", "network": "default", "source_ranges": t.unknown("var.admin_ranges", []), "allow": [t.blk(125, {"protocol": "tcp", "ports": ["22"]})]}),
		t.res("google_compute_firewall", "udp", 150, {"name": "udp", "network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(155, {"protocol": "udp", "ports": ["3389"]})]}),
	])
}
