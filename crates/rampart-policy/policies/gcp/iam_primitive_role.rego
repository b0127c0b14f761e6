# METADATA
# id: gcp-iam-primitive-role
# title: Owner or Editor role granted on a project, folder or organization
# severity: high
# kinds: [terraform]
# resource_types: ["google_folder_iam_*", "google_organization_iam_*", "google_project_iam_*"]
# description: >-
#   A google_project_iam_member or _binding (or the folder and organization equivalents) grants
#   the basic role roles/owner or roles/editor. Basic roles include thousands of permissions
#   across every service; a user or service account holding one can read and change nearly all
#   resources, and a compromised service account with Editor is a project takeover. Predefined or
#   custom roles scoped to the job keep the blast radius small.
# remediation: >-
#   Replace the basic role with the predefined roles the principal needs, e.g.
#   `role = "roles/storage.objectAdmin"` or `role = "roles/cloudsql.client"`; keep Owner for a
#   small break-glass group managed outside automation.
# references:
#   - https://cloud.google.com/iam/docs/roles-overview#basic
#   - https://cloud.google.com/iam/docs/using-iam-securely
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
package rampart.gcp.iam_primitive_role

import data.rampart.cloud.lib

basic_roles := {"roles/owner", "roles/editor"}

scopes := {"google_project_iam": "project", "google_folder_iam": "folder", "google_organization_iam": "organization"}

deny contains r if {
	some prefix, scope in scopes
	some g in lib.managed(sprintf("%s_member", [prefix]))
	v := lib.values(g)
	v.role in basic_roles
	lib.has(v, "member")
	r := lib.attr_result(g, v, "role", sprintf("%s grants the basic role %s on the %s to %s", [lib.describe(g), v.role, scope, member_text(v.member)]))
}

deny contains r if {
	some prefix, scope in scopes
	some g in lib.managed(sprintf("%s_binding", [prefix]))
	v := lib.values(g)
	v.role in basic_roles
	lib.has(v, "members")
	not empty_list(v.members)
	r := lib.attr_result(g, v, "role", sprintf("%s grants the basic role %s on the %s to %s", [lib.describe(g), v.role, scope, members_text(v.members)]))
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
