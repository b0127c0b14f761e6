package rampart.kubernetes.rbac_wildcard

role(kind, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "ops", "namespace": "shop", "__line__": 3, "__end_line__": 5}, "rules": rules, "__line__": 1, "__end_line__": 30}

test_wildcards_are_denied if {
	r := deny with input as role("ClusterRole", [
		{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"], "__line__": 7, "__end_line__": 9},
		{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"], "__line__": 10, "__end_line__": 12},
		{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"], "__line__": 13, "__end_line__": 15},
	])
	count(r) == 2
	{x.line | some x in r} == {7, 10}
	some x in r
	x.msg == "ClusterRole \"ops\" has a rule with * in its verbs and resources"
}

test_explicit_rules_are_allowed if {
	count(deny) == 0 with input as role("Role", [{"apiGroups": ["*"], "resources": ["deployments", "pods"], "verbs": ["get", "list", "watch"], "__line__": 7, "__end_line__": 9}])
	count(deny) == 0 with input as role("ClusterRole", [{"nonResourceURLs": ["*"], "verbs": ["get"], "__line__": 7, "__end_line__": 9}])
	count(deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"rules": "*"}}
}
