# METADATA
# id: gcp-storage-bucket-uniform-access-disabled
# title: Cloud Storage bucket without uniform bucket-level access
# severity: medium
# kinds: [terraform]
# resource_types: [google_storage_bucket]
# description: >-
#   A google_storage_bucket does not set uniform_bucket_level_access to true (it defaults to
#   false). Without it, access is decided by both bucket IAM and per-object ACLs, so a single
#   object can be made public or shared through an ACL that nobody reviewing the bucket's IAM
#   policy sees. Uniform access makes IAM the only access control and disables object ACLs.
# remediation: >-
#   Enable uniform bucket-level access and grant access through IAM only:
#   `uniform_bucket_level_access = true` in the google_storage_bucket resource.
# references:
#   - https://cloud.google.com/storage/docs/uniform-bucket-level-access
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket
# frameworks: [CIS-GCP-5.2]
package rampart.gcp.storage_uniform_access

import data.rampart.cloud.lib

deny contains r if {
	some b in lib.managed("google_storage_bucket")
	v := lib.values(b)
	not lib.has(v, "uniform_bucket_level_access")
	not lib.is_true(lib.get(v, "bucket_policy_only", false))
	not lib.is_unknown(object.get(v, "bucket_policy_only", false))
	r := lib.result(b, sprintf("%s does not enable uniform bucket-level access, so object ACLs can grant access outside IAM", [lib.describe(b)]))
}

deny contains r if {
	some b in lib.managed("google_storage_bucket")
	v := lib.values(b)
	lib.is_false(v.uniform_bucket_level_access)
	r := lib.attr_result(b, v, "uniform_bucket_level_access", sprintf("%s sets uniform_bucket_level_access = false, so object ACLs can grant access outside IAM", [lib.describe(b)]))
}
