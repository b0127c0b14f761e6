package rampart.gcp.storage_bucket_public

import data.rampart.gcp.testlib as t

test_public_bucket_grants_are_denied if {
	r := deny with input as t.doc([
		t.res("google_storage_bucket_iam_member", "public", 1, {"bucket": t.unknown("google_storage_bucket.site.name", ["google_storage_bucket.site"]), "role": "roles/storage.objectViewer", "member": "allUsers", "__spans__": {"member": [4, 4]}}),
		t.res("google_storage_bucket_iam_binding", "readers", 30, {"bucket": "acme-site", "role": "roles/storage.objectViewer", "members": ["group:web@example.com", "allAuthenticatedUsers"], "__spans__": {"members": [33, 36]}}),
		t.res("google_storage_bucket_acl", "site", 60, {"bucket": "acme-site", "predefined_acl": "publicRead", "__spans__": {"predefined_acl": [62, 62]}}),
		t.res("google_storage_bucket_acl", "site2", 90, {"bucket": "acme-site", "role_entity": ["OWNER:project-owners-123", "READER:allUsers"], "__spans__": {"role_entity": [92, 95]}}),
		t.res("google_storage_bucket_access_control", "pub", 120, {"bucket": "acme-site", "role": "READER", "entity": "allUsers", "__spans__": {"entity": [123, 123]}}),
	])
	count(r) == 5
	{x.line | some x in r} == {4, 33, 62, 92, 123}
}

test_private_grants_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_storage_bucket_iam_member", "ci", 1, {"bucket": "acme-artifacts", "role": "roles/storage.objectAdmin", "member": "serviceAccount:ci@acme.iam.gserviceaccount.com"}),
		t.res("google_storage_bucket_iam_binding", "readers", 30, {"bucket": "acme-artifacts", "role": "roles/storage.objectViewer", "members": ["group:eng@example.com", t.unknown("var.extra_reader", [])]}),
		t.res("google_storage_bucket_acl", "private", 60, {"bucket": "acme-artifacts", "predefined_acl": "projectPrivate"}),
		t.res("google_storage_bucket_iam_member", "unknown", 90, {"bucket": "acme-artifacts", "role": "roles/storage.objectViewer", "member": t.unknown("var.member", [])}),
	])
}
