package rampart.gcp.iam_public_member

import data.rampart.gcp.testlib as t

test_public_grants_are_denied if {
	r := deny with input as t.doc([
		t.res("google_pubsub_topic_iam_member", "pub", 1, {"topic": "events", "role": "roles/pubsub.publisher", "member": "allUsers", "__spans__": {"member": [4, 4]}}),
		t.res("google_bigquery_dataset_iam_binding", "viewers", 30, {"dataset_id": "sales", "role": "roles/bigquery.dataViewer", "members": ["allAuthenticatedUsers"], "__spans__": {"members": [33, 33]}}),
		t.datasrc("google_iam_policy", "open", 60, {"binding": [t.blk(61, {"role": "roles/run.invoker", "members": ["allUsers"], "__spans__": {"members": [63, 63]}})]}),
	])
	count(r) == 3
	{x.line | some x in r} == {4, 33, 63}
	some x in r
	contains(x.msg, "pubsub_topic")
}

test_private_grants_and_buckets_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_pubsub_topic_iam_member", "pub", 1, {"topic": "events", "role": "roles/pubsub.publisher", "member": "serviceAccount:app@acme.iam.gserviceaccount.com"}),
		t.res("google_storage_bucket_iam_member", "site", 30, {"bucket": "acme-site", "role": "roles/storage.objectViewer", "member": "allUsers"}),
		t.res("google_cloud_run_service_iam_member", "run", 60, {"service": "api", "role": "roles/run.invoker", "member": t.unknown("var.invoker", [])}),
	])
}
