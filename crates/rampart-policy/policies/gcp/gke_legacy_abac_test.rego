package rampart.gcp.gke_legacy_abac

import data.rampart.gcp.testlib as t

test_legacy_abac_is_denied if {
	r := deny with input as t.doc([t.res("google_container_cluster", "main", 1, {"name": "main", "enable_legacy_abac": true, "__spans__": {"enable_legacy_abac": [5, 5]}})])
	count(r) == 1
	{x.line | some x in r} == {5}
}

test_rbac_only_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_container_cluster", "main", 1, {"name": "main"}),
		t.res("google_container_cluster", "b", 30, {"name": "b", "enable_legacy_abac": false}),
		t.res("google_container_cluster", "c", 60, {"name": "c", "enable_legacy_abac": t.unknown("var.abac", [])}),
	])
}
