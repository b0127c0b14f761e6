package rampart.gcp.instance_default_sa_full_access

import data.rampart.gcp.testlib as t

test_default_sa_with_full_scope_is_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_instance", "a", 1, {"name": "a", "service_account": [t.blk(12, {"scopes": ["cloud-platform"]})]}),
		t.res("google_compute_instance", "b", 30, {"name": "b", "service_account": [t.blk(42, {"email": "123456789-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]})]}),
		t.res("google_compute_instance_template", "c", 60, {"service_account": [t.blk(72, {"email": t.unknown("data.google_compute_default_service_account.default.email", ["data.google_compute_default_service_account.default"]), "scopes": ["cloud-platform"]})]}),
	])
	count(r) == 3
	{x.line | some x in r} == {12, 42, 72}
}

test_dedicated_sa_or_narrow_scopes_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_instance", "a", 1, {"name": "a", "service_account": [t.blk(12, {"email": t.unknown("google_service_account.app.email", ["google_service_account.app"]), "scopes": ["cloud-platform"]})]}),
		t.res("google_compute_instance", "b", 30, {"name": "b", "service_account": [t.blk(42, {"scopes": ["logging-write", "monitoring-write"]})]}),
		t.res("google_compute_instance", "c", 60, {"name": "c", "service_account": [t.blk(72, {"email": "app@acme-prod.iam.gserviceaccount.com", "scopes": ["cloud-platform"]})]}),
		t.res("google_compute_instance", "d", 90, {"name": "d"}),
	])
}
