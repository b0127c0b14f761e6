# METADATA
# id: gcp-storage-bucket-logging-disabled
# title: Cloud Storage bucket without usage logging
# severity: low
# kinds: [terraform]
# resource_types: [google_storage_bucket]
# description: >-
#   A google_storage_bucket has no logging block, so Cloud Storage writes no usage and storage logs
#   for it. Those logs record every request to the bucket (who read or wrote which object, from
#   where) and are what an investigation of a leak relies on when Data Access audit logs are not
#   enabled. Buckets that other buckets in the module use as their log_bucket are not reported.
# remediation: >-
#   Send usage logs to a dedicated, access-restricted bucket:
#   `logging { log_bucket = google_storage_bucket.access_logs.name }`, or enable Data Access audit
#   logs for Cloud Storage with a google_project_iam_audit_config.
# references:
#   - https://cloud.google.com/storage/docs/access-logs
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket
package rampart.gcp.storage_logging

import data.rampart.cloud.lib

# Whether bucket `b` receives the logs of another bucket.
log_target(b) if {
	some other in lib.managed("google_storage_bucket")
	some l in lib.blocks(lib.values(other), "logging")
	lib.points_at(l.log_bucket, b, "name")
}

deny contains r if {
	some b in lib.managed("google_storage_bucket")
	v := lib.values(b)
	not lib.has(v, "logging")
	not log_target(b)
	r := lib.result(b, sprintf("%s has no logging block, so requests to it are not logged", [lib.describe(b)]))
}
