package rampart.gcp.storage_uniform_access

import data.rampart.gcp.testlib as t

test_bucket_without_uniform_access_is_denied if {
	r := deny with input as t.doc([
		t.res("google_storage_bucket", "assets", 1, {"name": "acme-assets", "location": "EU"}),
		t.res("google_storage_bucket", "exports", 30, {"name": "acme-exports", "uniform_bucket_level_access": false, "__spans__": {"uniform_bucket_level_access": [33, 33]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 33}
}

test_bucket_with_uniform_access_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_storage_bucket", "assets", 1, {"name": "acme-assets", "location": "EU", "uniform_bucket_level_access": true}),
		t.res("google_storage_bucket", "legacy", 30, {"name": "acme-legacy", "bucket_policy_only": true}),
		t.res("google_storage_bucket", "var", 60, {"name": "acme-var", "uniform_bucket_level_access": t.unknown("var.uniform", [])}),
	])
}
