# METADATA
# id: k8s-rbac-anonymous-binding
# title: Binding grants a role to anonymous or all authenticated users
# severity: high
# kinds: [kubernetes]
# resource_types: [RoleBinding, ClusterRoleBinding]
# description: >-
#   A RoleBinding or ClusterRoleBinding has the user `system:anonymous` or the group
#   `system:anonymous`, `system:unauthenticated` or `system:authenticated` as a subject. The first
#   three give the role to anyone who can reach the API server without credentials; the last
#   gives it to every authenticated identity, which in many clusters includes every service
#   account of every namespace and, on managed clouds, any account of the cloud provider. The
#   default discovery bindings (`system:basic-user`, `system:discovery`,
#   `system:public-info-viewer`) are not reported.
# remediation: >-
#   Bind the role to the specific users, groups or service accounts that need it, e.g.
#   `subjects: [{kind: Group, name: shop-developers, apiGroup: rbac.authorization.k8s.io}]`.
# references:
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings
#   - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
package rampart.kubernetes.rbac_anonymous_binding

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

broad_groups := {"system:anonymous", "system:unauthenticated", "system:authenticated"}

discovery_roles := {"system:basic-user", "system:discovery", "system:public-info-viewer"}

broad(s) if {
	s.kind == "Group"
	s.name in broad_groups
}

broad(s) if {
	s.kind == "User"
	s.name == "system:anonymous"
}

deny contains r if {
	some s in rbac.subjects
	broad(s)
	role := object.get(rbac.role_ref, "name", "?")
	not role in discovery_roles
	r := lib.result(s, sprintf("%s grants %v %q to %s %s", [rbac.describe, object.get(rbac.role_ref, "kind", "role"), role, s.kind, s.name]))
}
