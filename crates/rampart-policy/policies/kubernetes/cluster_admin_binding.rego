# METADATA
# id: k8s-cluster-admin-binding
# title: Binding grants the cluster-admin role
# severity: high
# kinds: [kubernetes]
# resource_types: [RoleBinding, ClusterRoleBinding]
# description: >-
#   A ClusterRoleBinding (or a RoleBinding) refers to the `cluster-admin` ClusterRole. Bound
#   cluster-wide, it gives its subjects unrestricted control of every resource in every namespace,
#   including Secrets, RBAC and the nodes' workloads; in a RoleBinding it gives full control of
#   the namespace, RBAC included. Applications, CI pipelines and most operators need far less,
#   and a stolen token of such a subject is a full cluster compromise.
# remediation: >-
#   Bind a role with only the permissions the subject needs (write one, or use the built-in `view`
#   / `edit` ClusterRoles through a namespaced RoleBinding), and keep cluster-admin for a small
#   group of human administrators using short-lived credentials.
# references:
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# frameworks: [CIS-K8s-5.1.1]
package rampart.kubernetes.cluster_admin_binding

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

deny contains r if {
	input.kind in rbac.binding_kinds
	object.get(rbac.role_ref, "kind", "ClusterRole") == "ClusterRole"
	rbac.role_ref.name == "cluster-admin"
	who := [sprintf("%v %v", [object.get(s, "kind", "?"), object.get(s, "name", "?")]) | some s in lib.arr(input, "subjects"); is_object(s)]
	r := lib.result(rbac.role_ref, sprintf("%s grants cluster-admin to %s", [rbac.describe, concat(", ", who)]))
}
