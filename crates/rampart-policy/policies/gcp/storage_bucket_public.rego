# METADATA
# id: gcp-storage-bucket-public
# title: Cloud Storage bucket readable by anyone
# severity: high
# kinds: [terraform]
# resource_types: [google_storage_bucket_access_control, google_storage_bucket_acl, "google_storage_bucket_iam_*", google_storage_bucket_iam_binding, google_storage_bucket_iam_member, google_storage_default_object_access_control]
# description: >-
#   A bucket IAM grant (google_storage_bucket_iam_member or _binding) or a bucket ACL
#   (google_storage_bucket_access_control, google_storage_bucket_acl) gives a role to allUsers
#   or allAuthenticatedUsers. allUsers is anyone on the internet without signing in;
#   allAuthenticatedUsers is anyone with any Google account, which is no real restriction.
#   Public buckets are a leading cause of cloud data leaks.
# remediation: >-
#   Grant bucket roles to specific principals (`member = "group:data-readers@example.com"`),
#   remove allUsers/allAuthenticatedUsers, and enforce the organization policy
#   `constraints/storage.publicAccessPrevention` or set `public_access_prevention = "enforced"`
#   on the bucket. Serve public content through a CDN or signed URLs instead.
# references:
#   - https://cloud.google.com/storage/docs/access-control/making-data-public
#   - https://cloud.google.com/storage/docs/public-access-prevention
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_iam
# frameworks: [CIS-GCP-5.1]
package rampart.gcp.storage_bucket_public

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

public_acls := {"publicread", "publicreadwrite", "authenticatedread"}

deny contains r if {
	some g in lib.managed("google_storage_bucket_iam_member")
	v := lib.values(g)
	gcp.public_member(v.member)
	r := lib.attr_result(g, v, "member", sprintf("%s grants %s on the bucket to %s", [lib.describe(g), lib.get(v, "role", "a role"), v.member]))
}

deny contains r if {
	some g in lib.managed("google_storage_bucket_iam_binding")
	v := lib.values(g)
	some m in gcp.strings(v, "members")
	gcp.public_member(m)
	r := lib.attr_result(g, v, "members", sprintf("%s grants %s on the bucket to %s", [lib.describe(g), lib.get(v, "role", "a role"), m]))
}

deny contains r if {
	some t in {"google_storage_bucket_access_control", "google_storage_default_object_access_control"}
	some a in lib.managed(t)
	v := lib.values(a)
	gcp.public_member(v.entity)
	r := lib.attr_result(a, v, "entity", sprintf("%s gives %s access to %s", [lib.describe(a), v.entity, lib.get(v, "role", "some")]))
}

deny contains r if {
	some a in lib.managed("google_storage_bucket_acl")
	v := lib.values(a)
	is_string(v.predefined_acl)
	lower(v.predefined_acl) in public_acls
	r := lib.attr_result(a, v, "predefined_acl", sprintf("%s applies the predefined ACL %s, which opens the bucket to everyone", [lib.describe(a), v.predefined_acl]))
}

deny contains r if {
	some a in lib.managed("google_storage_bucket_acl")
	v := lib.values(a)
	some e in gcp.strings(v, "role_entity")
	parts := split(e, ":")
	count(parts) == 2
	gcp.public_member(parts[1])
	r := lib.attr_result(a, v, "role_entity", sprintf("%s gives %s access to %s", [lib.describe(a), parts[1], parts[0]]))
}
