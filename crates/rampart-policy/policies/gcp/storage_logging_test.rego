package rampart.gcp.storage_logging

import data.rampart.gcp.testlib as t

test_bucket_without_logging_is_denied if {
	r := deny with input as t.doc([t.res("google_storage_bucket", "data", 5, {"name": "acme-data"})])
	count(r) == 1
	{x.line | some x in r} == {5}
}

test_logged_bucket_and_log_bucket_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_storage_bucket", "data", 1, {"name": "acme-data", "logging": [t.blk(4, {"log_bucket": t.unknown("google_storage_bucket.logs.name", ["google_storage_bucket.logs"])})]}),
		t.res("google_storage_bucket", "files", 30, {"name": "acme-files", "logging": [t.blk(34, {"log_bucket": "acme-logs"})]}),
		t.res("google_storage_bucket", "logs", 60, {"name": "acme-logs"}),
	])
}
