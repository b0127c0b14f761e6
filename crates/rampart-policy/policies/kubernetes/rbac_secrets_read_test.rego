package rampart.kubernetes.rbac_secrets_read

role(kind, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "reader", "namespace": "shop", "__line__": 3, "__end_line__": 5}, "rules": rules, "__line__": 1, "__end_line__": 30}

test_reading_secrets_is_denied if {
	r := deny with input as role("ClusterRole", [
		{"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["list", "get"], "__line__": 7, "__end_line__": 9},
		{"apiGroups": ["*"], "resources": ["secrets"], "verbs": ["*"], "__line__": 10, "__end_line__": 12},
	])
	count(r) == 2
	{x.line | some x in r} == {7, 10}
	some x in r
	x.msg == "ClusterRole \"reader\" can read every Secret it covers (get, list on secrets)"
}

test_narrow_or_write_only_rules_are_allowed if {
	count(deny) == 0 with input as role("Role", [
		{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["shop-db"], "verbs": ["get"], "__line__": 7, "__end_line__": 9},
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "delete"], "__line__": 10, "__end_line__": 12},
		{"apiGroups": ["external-secrets.io"], "resources": ["secrets"], "verbs": ["get"], "__line__": 13, "__end_line__": 15},
		{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"], "__line__": 16, "__end_line__": 18},
	])
}
