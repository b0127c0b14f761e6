package rampart.gcp.dns_dnssec

import data.rampart.gcp.testlib as t

test_unsigned_public_zones_are_denied if {
	r := deny with input as t.doc([
		t.res("google_dns_managed_zone", "a", 1, {"name": "a", "dns_name": "example.com."}),
		t.res("google_dns_managed_zone", "b", 30, {"name": "b", "dns_name": "example.org.", "visibility": "public", "dnssec_config": [t.blk(34, {"state": "off", "__spans__": {"state": [35, 35]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 35}
}

test_signed_or_private_zones_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_dns_managed_zone", "a", 1, {"name": "a", "dns_name": "example.com.", "dnssec_config": [t.blk(5, {"state": "on"})]}),
		t.res("google_dns_managed_zone", "b", 30, {"name": "b", "dns_name": "internal.example.com.", "visibility": "private"}),
		t.res("google_dns_managed_zone", "c", 60, {"name": "c", "dns_name": "example.net.", "dnssec_config": [t.blk(65, {"state": t.unknown("var.dnssec", [])})]}),
	])
}
