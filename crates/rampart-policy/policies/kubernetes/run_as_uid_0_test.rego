package rampart.kubernetes.run_as_uid_0

import data.rampart.kubernetes.testlib as t

test_uid_0_is_denied if {
	count(deny) == 1 with input as t.deployment({"containers": [t.with_sc("app", 20, {"runAsUser": 0})]})
	count(deny) == 2 with input as t.pod({"securityContext": {"runAsUser": 0, "__line__": 11, "__end_line__": 11}, "containers": [t.container("a", 20, {}), t.container("b", 30, {})]})
}

test_non_zero_is_allowed if {
	count(deny) == 0 with input as t.pod({"securityContext": {"runAsUser": 0, "__line__": 11, "__end_line__": 11}, "containers": [t.with_sc("a", 20, {"runAsUser": 1000})]})
}
