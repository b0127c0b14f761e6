# METADATA
# id: gcp-iam-sa-impersonation-broad-scope
# title: Service Account User or Token Creator granted on a project, folder or organization
# severity: high
# kinds: [terraform]
# resource_types: ["google_folder_iam_*", google_iam_policy, "google_organization_iam_*", "google_project_iam_*", "google_service_account_iam_*", google_service_account_iam_member]
# description: >-
#   A google_project_iam_member or _binding, a google_project_iam_policy (or the folder and
#   organization equivalents) grants roles/iam.serviceAccountUser or
#   roles/iam.serviceAccountTokenCreator without an IAM condition. Granted above a single service
#   account, these roles let the principal act as, or mint access tokens for, every service account
#   in the project (including the default Compute Engine account, which often holds Editor), so
#   the principal gains the permissions of the most privileged of them.
# remediation: >-
#   Grant the role on the one service account the principal needs to use instead:
#   `resource "google_service_account_iam_member" "ci_act_as_runtime" { service_account_id = google_service_account.runtime.name role = "roles/iam.serviceAccountUser" member = "serviceAccount:${google_service_account.ci.email}" }`,
#   and remove the project-level grant.
# references:
#   - https://cloud.google.com/iam/docs/service-account-permissions
#   - https://cloud.google.com/iam/docs/best-practices-service-accounts
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_iam
package rampart.gcp.iam_sa_impersonation_broad

import data.rampart.cloud.lib

sa_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

scopes := {"google_project_iam": "project", "google_folder_iam": "folder", "google_organization_iam": "organization"}

# A grant restricted by an IAM condition (the condition may narrow it to one service account).
conditional(v) if lib.has(v, "condition")

deny contains r if {
	some prefix, scope in scopes
	some g in lib.managed(sprintf("%s_member", [prefix]))
	v := lib.values(g)
	v.role in sa_roles
	lib.has(v, "member")
	not conditional(v)
	r := lib.attr_result(g, v, "role", sprintf("%s grants %s on the whole %s to %s, covering every service account in it", [lib.describe(g), v.role, scope, member_text(v.member)]))
}

deny contains r if {
	some prefix, scope in scopes
	some g in lib.managed(sprintf("%s_binding", [prefix]))
	v := lib.values(g)
	v.role in sa_roles
	lib.has(v, "members")
	not empty_list(v.members)
	not conditional(v)
	r := lib.attr_result(g, v, "role", sprintf("%s grants %s on the whole %s to %s, covering every service account in it", [lib.describe(g), v.role, scope, members_text(v.members)]))
}

# Authoritative policies whose policy_data is a known JSON document.
deny contains r if {
	some prefix, scope in scopes
	some p in lib.managed(sprintf("%s_policy", [prefix]))
	v := lib.values(p)
	is_string(v.policy_data)
	json.is_valid(v.policy_data)
	doc := json.unmarshal(v.policy_data)
	some b in object.get(doc, "bindings", [])
	b.role in sa_roles
	not empty_list(object.get(b, "members", []))
	not lib.has(b, "condition")
	r := lib.attr_result(p, v, "policy_data", sprintf("%s grants %s on the whole %s to %s, covering every service account in it", [lib.describe(p), b.role, scope, members_text(object.get(b, "members", []))]))
}

# Authoritative policies built from a google_iam_policy data source: the finding points at the
# data source's binding block.
deny contains r if {
	some prefix, scope in scopes
	some p in lib.managed(sprintf("%s_policy", [prefix]))
	v := lib.values(p)
	some ds in lib.data_sources("google_iam_policy")
	lib.refers_to(v.policy_data, ds)
	some b in lib.blocks(lib.values(ds), "binding")
	b.role in sa_roles
	lib.has(b, "members")
	not empty_list(b.members)
	not lib.has(b, "condition")
	r := lib.attr_result(ds, b, "role", sprintf("%s (used by %s) grants %s on the whole %s to %s, covering every service account in it", [lib.describe(ds), lib.describe(p), b.role, scope, members_text(b.members)]))
}

empty_list(x) if {
	is_array(x)
	count(x) == 0
}

# A member for messages: the principal, or the expression it comes from.
member_text(m) := m if {
	is_string(m)
} else := m.__unknown__ if {
	lib.is_unknown(m)
} else := "a principal"

members_text(ms) := concat(", ", [member_text(m) | some m in ms]) if {
	is_array(ms)
} else := member_text(ms)
