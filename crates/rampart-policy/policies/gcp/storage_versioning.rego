# METADATA
# id: gcp-storage-bucket-versioning-disabled
# title: Cloud Storage bucket without object versioning
# severity: low
# kinds: [terraform]
# resource_types: [google_storage_bucket]
# description: >-
#   A google_storage_bucket has no versioning block, or sets versioning.enabled to false. Without
#   object versioning an overwrite or delete, by mistake, by a faulty job or by an attacker with
#   write access, destroys the only copy of the object. Versioning keeps noncurrent versions that
#   a lifecycle rule can expire later.
# remediation: >-
#   Turn on versioning and bound the cost with a lifecycle rule:
#   `versioning { enabled = true }` plus a `lifecycle_rule` with `condition { num_newer_versions = 5 }`
#   and `action { type = "Delete" }`.
# references:
#   - https://cloud.google.com/storage/docs/object-versioning
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket
package rampart.gcp.storage_versioning

import data.rampart.cloud.lib

deny contains r if {
	some b in lib.managed("google_storage_bucket")
	v := lib.values(b)
	not lib.has(v, "versioning")
	r := lib.result(b, sprintf("%s has no versioning block, so overwritten or deleted objects cannot be recovered", [lib.describe(b)]))
}

deny contains r if {
	some b in lib.managed("google_storage_bucket")
	some ver in lib.blocks(lib.values(b), "versioning")
	lib.is_false(ver.enabled)
	r := lib.attr_result(b, ver, "enabled", sprintf("%s disables object versioning, so overwritten or deleted objects cannot be recovered", [lib.describe(b)]))
}
