package rampart.kubernetes.rbac_anonymous_binding

binding(kind, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "__line__": 1, "__end_line__": 20,
	"metadata": {"name": "public", "__line__": 3, "__end_line__": 4},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role, "__line__": 6, "__end_line__": 8},
	"subjects": subjects,
}

group(name, line) := {"kind": "Group", "name": name, "apiGroup": "rbac.authorization.k8s.io", "__line__": line, "__end_line__": line + 2}

test_broad_subjects_are_denied if {
	r := deny with input as binding("ClusterRoleBinding", "view", [group("system:unauthenticated", 10), group("system:authenticated", 13), group("shop-devs", 16)])
	count(r) == 2
	{x.line | some x in r} == {10, 13}
	count(deny) == 1 with input as binding("RoleBinding", "edit", [{"kind": "User", "name": "system:anonymous", "__line__": 10, "__end_line__": 11}])
}

test_named_subjects_and_discovery_are_allowed if {
	count(deny) == 0 with input as binding("ClusterRoleBinding", "view", [group("shop-devs", 10)])
	count(deny) == 0 with input as binding("ClusterRoleBinding", "system:public-info-viewer", [group("system:unauthenticated", 10)])
}
