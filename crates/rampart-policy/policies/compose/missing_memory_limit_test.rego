package rampart.compose.missing_memory_limit

import data.rampart.compose.testlib as t

test_services_without_memory_limit_are_denied if {
	r := deny with input as t.compose({
		"web": t.service(4, {"image": "nginx:1.27", "deploy": {"__line__": 6, "__end_line__": 9, "resources": {"__line__": 7, "__end_line__": 9, "limits": {"cpus": "0.5", "__line__": 8, "__end_line__": 9}}}}),
		"api": t.hardened(20, {"mem_limit": 0}),
		"db": t.hardened(40, {}),
	})
	count(r) == 2
	{x.line | some x in r} == {4, 20}
}

test_services_with_memory_limit_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.service(4, {"image": "nginx:1.27", "deploy": {"__line__": 6, "__end_line__": 9, "resources": {"__line__": 7, "__end_line__": 9, "limits": {"memory": "256M", "__line__": 8, "__end_line__": 9}}}}),
		"api": t.hardened(20, {"mem_limit": 536870912}),
		"worker": t.hardened(40, {"mem_limit": "${WORKER_MEM:-1g}"}),
	})
}
