# Helpers for the Kubernetes RBAC and object-level policies (Role, ClusterRole, RoleBinding,
# ClusterRoleBinding, ServiceAccount, Ingress). No METADATA block: this module is not a policy.
package rampart.kubernetes.lib_rbac

import data.rampart.kubernetes.lib

role_kinds := {"Role", "ClusterRole"}

binding_kinds := {"RoleBinding", "ClusterRoleBinding"}

metadata := lib.obj(input, "metadata")

object_name := n if {
	n := metadata.name
	is_string(n)
} else := "<unnamed>"

# `Kind "name"`, for messages.
describe := sprintf("%s %q", [input.kind, object_name])

# The rules of a Role or ClusterRole.
rules contains rule if {
	input.kind in role_kinds
	some rule in lib.arr(input, "rules")
	is_object(rule)
}

strings(o, key) := {s | some s in lib.arr(o, key); is_string(s)}

verbs(rule) := {lower(v) | some v in strings(rule, "verbs")}

resources(rule) := {lower(r) | some r in strings(rule, "resources")}

# A rule covers the core API group ("") when it names it or every group.
core_group(rule) if "" in strings(rule, "apiGroups")

core_group(rule) if "*" in strings(rule, "apiGroups")

# A rule limited to named objects (`resourceNames`).
named_only(rule) if count(strings(rule, "resourceNames")) > 0

# Whether a rule grants any of `wanted` verbs (`*` grants all).
grants_any(rule, wanted) if {
	some v in verbs(rule)
	v in wanted
}

grants_any(rule, wanted) if "*" in verbs(rule)

# Sorted, comma-separated, for messages.
joined(set_of_strings) := concat(", ", sort([s | some s in set_of_strings]))

# The subjects of a RoleBinding or ClusterRoleBinding.
subjects contains s if {
	input.kind in binding_kinds
	some s in lib.arr(input, "subjects")
	is_object(s)
}

role_ref := lib.obj(input, "roleRef")
