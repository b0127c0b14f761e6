package rampart.kubernetes.cluster_admin_binding

binding(kind, role_kind, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "__line__": 1, "__end_line__": 14,
	"metadata": {"name": "ci-deployer", "__line__": 3, "__end_line__": 4},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role, "__line__": 6, "__end_line__": 8},
	"subjects": subjects,
}

sa := {"kind": "ServiceAccount", "name": "ci", "namespace": "ci", "__line__": 10, "__end_line__": 12}

test_cluster_admin_bindings_are_denied if {
	r := deny with input as binding("ClusterRoleBinding", "ClusterRole", "cluster-admin", [sa])
	count(r) == 1
	some x in r
	x.line == 6
	x.msg == "ClusterRoleBinding \"ci-deployer\" grants cluster-admin to ServiceAccount ci"
	count(deny) == 1 with input as binding("RoleBinding", "ClusterRole", "cluster-admin", [sa])
}

test_narrow_bindings_are_allowed if {
	count(deny) == 0 with input as binding("ClusterRoleBinding", "ClusterRole", "view", [sa])
	count(deny) == 0 with input as binding("RoleBinding", "Role", "cluster-admin", [sa])
}
