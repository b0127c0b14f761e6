package rampart.gcp.firewall_all_ports

import data.rampart.gcp.testlib as t

test_all_ports_from_internet_are_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_firewall", "any", 1, {"name": "allow-all", "network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(5, {"protocol": "all", "__spans__": {"protocol": [6, 6]}})]}),
		t.res("google_compute_firewall", "tcp", 30, {"name": "tcp", "network": "default", "source_ranges": ["::/0"], "allow": [t.blk(35, {"protocol": "tcp", "__spans__": {"protocol": [36, 36]}}), t.blk(40, {"protocol": "udp", "ports": ["1-65535"], "__spans__": {"protocol": [41, 41]}})]}),
	])
	count(r) == 3
	{x.line | some x in r} == {6, 36, 41}
}

test_specific_ports_or_internal_ranges_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_firewall", "internal", 1, {"name": "internal", "network": "default", "source_ranges": ["10.128.0.0/9"], "allow": [t.blk(5, {"protocol": "all"})]}),
		t.res("google_compute_firewall", "web", 30, {"name": "web", "network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(35, {"protocol": "tcp", "ports": ["80", "443", "8000-8100"]}), t.blk(40, {"protocol": "icmp"})]}),
		t.res("google_compute_firewall", "proto", 90, {"name": "proto", "network": "default", "direction": t.unknown("var.direction", []), "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(95, {"protocol": t.unknown("var.protocol", [])})]}),
		t.res("google_compute_firewall", "ports", 60, {"name": "ports", "network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [t.blk(65, {"protocol": "tcp", "ports": t.unknown("var.ports", [])})]}),
	])
}
