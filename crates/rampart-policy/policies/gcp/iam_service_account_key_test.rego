package rampart.gcp.iam_service_account_key

import data.rampart.gcp.testlib as t

test_service_account_key_is_denied if {
	r := deny with input as t.doc([
		t.res("google_service_account", "ci", 1, {"account_id": "ci"}),
		t.res("google_service_account_key", "ci", 10, {"service_account_id": t.unknown("google_service_account.ci.name", ["google_service_account.ci"])}),
	])
	count(r) == 1
	{x.line | some x in r} == {10}
	some x in r
	contains(x.msg, "google_service_account.ci.name")
}

test_no_key_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_service_account", "ci", 1, {"account_id": "ci"}),
		t.res("google_service_account_iam_member", "wif", 10, {"service_account_id": t.unknown("google_service_account.ci.name", ["google_service_account.ci"]), "role": "roles/iam.workloadIdentityUser", "member": "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/attribute.repository/acme/app"}),
	])
}
