package rampart.gcp.iam_primitive_role

import data.rampart.gcp.testlib as t

test_basic_roles_are_denied if {
	r := deny with input as t.doc([
		t.res("google_project_iam_member", "ci", 1, {"project": "acme-prod", "role": "roles/editor", "member": "serviceAccount:ci@acme-prod.iam.gserviceaccount.com", "__spans__": {"role": [3, 3]}}),
		t.res("google_project_iam_binding", "owners", 30, {"project": "acme-prod", "role": "roles/owner", "members": ["user:alice@example.com", "user:bob@example.com"], "__spans__": {"role": [32, 32]}}),
		t.res("google_project_iam_member", "sa", 90, {"project": "acme-prod", "role": "roles/editor", "member": t.unknown("\"serviceAccount:${google_service_account.app.email}\"", ["google_service_account.app"]), "__spans__": {"role": [92, 92]}}),
		t.res("google_folder_iam_member", "f", 60, {"folder": "folders/123", "role": "roles/owner", "member": "group:ops@example.com", "__spans__": {"role": [62, 62]}}),
	])
	count(r) == 4
	{x.line | some x in r} == {3, 32, 62, 92}
}

test_predefined_roles_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_project_iam_member", "ci", 1, {"project": "acme-prod", "role": "roles/storage.objectAdmin", "member": "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"}),
		t.res("google_project_iam_member", "v", 30, {"project": "acme-prod", "role": "roles/viewer", "member": "group:eng@example.com"}),
		t.res("google_project_iam_member", "u", 60, {"project": "acme-prod", "role": t.unknown("var.role", []), "member": "group:eng@example.com"}),
		t.res("google_storage_bucket_iam_member", "b", 90, {"bucket": "x", "role": "roles/editor", "member": "user:a@example.com"}),
	])
}
