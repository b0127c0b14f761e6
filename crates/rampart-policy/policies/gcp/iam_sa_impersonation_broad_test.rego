package rampart.gcp.iam_sa_impersonation_broad

import data.rampart.gcp.testlib as t

test_project_level_impersonation_roles_are_denied if {
	r := deny with input as t.doc([
		t.res("google_project_iam_member", "ci_sa_user", 1, {"project": "acme-prod", "role": "roles/iam.serviceAccountUser", "member": t.unknown("\"serviceAccount:${google_service_account.ci.email}\"", ["google_service_account.ci"]), "__spans__": {"role": [3, 3]}}),
		t.res("google_project_iam_binding", "tokens", 30, {"project": "acme-prod", "role": "roles/iam.serviceAccountTokenCreator", "members": ["group:data@example.com"], "__spans__": {"role": [32, 32]}}),
		t.res("google_folder_iam_member", "f", 60, {"folder": "folders/123", "role": "roles/iam.serviceAccountUser", "member": "group:ops@example.com", "__spans__": {"role": [62, 62]}}),
		t.res("google_organization_iam_policy", "org", 90, {"org_id": "1234", "policy_data": "{\"bindings\":[{\"role\":\"roles/iam.serviceAccountTokenCreator\",\"members\":[\"user:a@example.com\"]}]}", "__spans__": {"policy_data": [92, 92]}}),
	])
	count(r) == 4
	{x.line | some x in r} == {3, 32, 62, 92}
}

test_policy_from_data_source_is_denied if {
	ds := t.datasrc("google_iam_policy", "project", 1, {"binding": [
		t.blk(2, {"role": "roles/viewer", "members": ["group:eng@example.com"]}),
		t.blk(7, {"role": "roles/iam.serviceAccountUser", "members": ["group:eng@example.com"], "__spans__": {"role": [8, 8]}}),
	]})
	p := t.res("google_project_iam_policy", "project", 30, {"project": "acme-prod", "policy_data": t.unknown("data.google_iam_policy.project.policy_data", ["data.google_iam_policy.project"])})
	r := deny with input as t.doc([ds, p])
	count(r) == 1
	{x.line | some x in r} == {8}
}

test_service_account_level_and_unknown_roles_are_allowed if {
	sa_ds := t.datasrc("google_iam_policy", "sa", 1, {"binding": [t.blk(2, {"role": "roles/iam.serviceAccountUser", "members": ["group:eng@example.com"]})]})
	count(deny) == 0 with input as t.doc([
		t.res("google_service_account_iam_member", "act_as", 1, {"service_account_id": t.unknown("google_service_account.runtime.name", ["google_service_account.runtime"]), "role": "roles/iam.serviceAccountUser", "member": "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"}),
		t.res("google_project_iam_member", "run", 30, {"project": "acme-prod", "role": "roles/run.developer", "member": "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"}),
		t.res("google_project_iam_member", "u", 60, {"project": "acme-prod", "role": t.unknown("var.role", []), "member": "group:eng@example.com"}),
		t.res("google_project_iam_binding", "empty", 90, {"project": "acme-prod", "role": "roles/iam.serviceAccountUser", "members": []}),
		t.res("google_project_iam_member", "cond", 120, {"project": "acme-prod", "role": "roles/iam.serviceAccountTokenCreator", "member": "group:eng@example.com", "condition": [t.blk(124, {"title": "only-runtime", "expression": "resource.name == \"projects/-/serviceAccounts/runtime@acme-prod.iam.gserviceaccount.com\""})]}),
		t.res("google_project_iam_policy", "p", 150, {"project": "acme-prod", "policy_data": t.unknown("var.policy", [])}),
		t.res("google_project_iam_policy", "bad", 210, {"project": "acme-prod", "policy_data": "not json"}),
		sa_ds,
		t.res("google_service_account_iam_policy", "sa", 180, {"service_account_id": "x", "policy_data": t.unknown("data.google_iam_policy.sa.policy_data", ["data.google_iam_policy.sa"])}),
	])
}
