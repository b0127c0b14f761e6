package rampart.kubernetes.rbac_pod_exec

role(kind, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "debugger", "namespace": "shop", "__line__": 3, "__end_line__": 5}, "rules": rules, "__line__": 1, "__end_line__": 30}

test_exec_and_attach_are_denied if {
	r := deny with input as role("Role", [
		{"apiGroups": [""], "resources": ["pods", "pods/exec"], "verbs": ["create", "get"], "__line__": 7, "__end_line__": 9},
		{"apiGroups": [""], "resources": ["pods/attach", "pods/exec"], "verbs": ["*"], "__line__": 10, "__end_line__": 12},
	])
	count(r) == 2
	{x.line | some x in r} == {7, 10}
	some x in r
	x.msg == "Role \"debugger\" can run commands in pods (create, get on pods/exec)"
	some y in r
	y.msg == "Role \"debugger\" can run commands in pods (* on pods/attach, pods/exec)"
}

test_logs_and_reads_are_allowed if {
	count(deny) == 0 with input as role("Role", [
		{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"], "__line__": 7, "__end_line__": 9},
		{"apiGroups": [""], "resources": ["pods/portforward"], "verbs": ["create"], "__line__": 10, "__end_line__": 12},
	])
}
