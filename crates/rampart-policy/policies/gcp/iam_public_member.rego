# METADATA
# id: gcp-iam-public-principal
# title: IAM role granted to allUsers or allAuthenticatedUsers
# severity: high
# kinds: [terraform]
# resource_types: ["google_*", google_iam_policy]
# description: >-
#   A google_*_iam_member or google_*_iam_binding resource (other than Cloud Storage buckets,
#   which gcp-storage-bucket-public covers), or a google_iam_policy document, grants a role to
#   allUsers (anyone on the internet, unauthenticated) or allAuthenticatedUsers (anyone with a
#   Google account). The resource, be it a Pub/Sub topic, a BigQuery dataset, a Cloud Run service
#   or a KMS key, becomes usable by the whole world with that role's permissions.
# remediation: >-
#   Grant the role to specific principals (`member = "group:analysts@example.com"` or a service
#   account). For a deliberately public Cloud Run service or function, keep `allUsers` only with
#   roles/run.invoker or roles/cloudfunctions.invoker and suppress the finding with a note; enforce
#   domain-restricted sharing (`constraints/iam.allowedPolicyMemberDomains`).
# references:
#   - https://cloud.google.com/iam/docs/overview#all-users
#   - https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains
package rampart.gcp.iam_public_member

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

iam_resource(r) if {
	r.mode == "managed"
	regex.match(`^google_[a-z0-9_]+_iam_(member|binding)$`, r.type)
	not startswith(r.type, "google_storage_bucket_iam_")
}

# What the grant is on: `pubsub_topic` for google_pubsub_topic_iam_member.
iam_kind(t) := trim_prefix(split(t, "_iam_")[0], "google_")

deny contains r if {
	some g in input.resources
	iam_resource(g)
	kind := iam_kind(g.type)
	v := lib.values(g)
	gcp.public_member(v.member)
	r := lib.attr_result(g, v, "member", sprintf("%s grants %s on a %s to %s", [lib.describe(g), lib.get(v, "role", "a role"), kind, v.member]))
}

deny contains r if {
	some g in input.resources
	iam_resource(g)
	kind := iam_kind(g.type)
	v := lib.values(g)
	some m in gcp.strings(v, "members")
	gcp.public_member(m)
	r := lib.attr_result(g, v, "members", sprintf("%s grants %s on a %s to %s", [lib.describe(g), lib.get(v, "role", "a role"), kind, m]))
}

deny contains r if {
	some p in lib.data_sources("google_iam_policy")
	some b in lib.blocks(lib.values(p), "binding")
	some m in gcp.strings(b, "members")
	gcp.public_member(m)
	r := lib.attr_result(p, b, "members", sprintf("%s binds %s to %s", [lib.describe(p), lib.get(b, "role", "a role"), m]))
}
