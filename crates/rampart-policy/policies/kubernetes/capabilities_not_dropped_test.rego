package rampart.kubernetes.capabilities_not_dropped

import data.rampart.kubernetes.testlib as t

test_no_drop_is_denied if {
	r := deny with input as t.cronjob({"containers": [t.with_sc("app", 20, {"capabilities": {"drop": ["NET_RAW"], "__line__": 0, "__end_line__": 0}})], "initContainers": [t.container("init", 14, {"securityContext": {"__line__": 0, "__end_line__": 0}})]})
	count(r) == 2
}

test_drop_all_is_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.with_sc("app", 20, {"capabilities": {"drop": ["all"], "__line__": 0, "__end_line__": 0}})]})
}
