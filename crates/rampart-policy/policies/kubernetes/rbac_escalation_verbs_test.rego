package rampart.kubernetes.rbac_escalation_verbs

role(kind, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "deployer", "__line__": 3, "__end_line__": 5}, "rules": rules, "__line__": 1, "__end_line__": 30}

test_escalation_verbs_are_denied if {
	r := deny with input as role("ClusterRole", [
		{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind", "escalate", "get"], "__line__": 7, "__end_line__": 9},
		{"apiGroups": [""], "resources": ["users", "groups", "serviceaccounts"], "verbs": ["impersonate"], "__line__": 10, "__end_line__": 12},
	])
	count(r) == 2
	{x.line | some x in r} == {7, 10}
	some x in r
	x.msg == "ClusterRole \"deployer\" grants the bind, escalate verb"
}

test_ordinary_verbs_are_allowed if {
	count(deny) == 0 with input as role("Role", [
		{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["get", "list", "create"], "__line__": 7, "__end_line__": 9},
	])
}
