package rampart.gcp.storage_versioning

import data.rampart.gcp.testlib as t

test_bucket_without_versioning_is_denied if {
	r := deny with input as t.doc([
		t.res("google_storage_bucket", "data", 1, {"name": "acme-data"}),
		t.res("google_storage_bucket", "off", 30, {"name": "acme-off", "versioning": [t.blk(34, {"enabled": false, "__spans__": {"enabled": [35, 35]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 35}
}

test_versioned_bucket_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_storage_bucket", "data", 1, {"name": "acme-data", "versioning": [t.blk(4, {"enabled": true})]}),
		t.res("google_storage_bucket", "maybe", 30, {"name": "acme-maybe", "versioning": [t.blk(34, {"enabled": t.unknown("var.versioning", [])})]}),
	])
}
