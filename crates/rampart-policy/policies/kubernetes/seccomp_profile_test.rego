package rampart.kubernetes.seccomp_profile

import data.rampart.kubernetes.testlib as t

test_unset_or_unconfined_is_denied if {
	count(deny) == 2 with input as t.cronjob({"containers": [t.container("a", 20, {"securityContext": {"__line__": 0, "__end_line__": 0}}), t.with_sc("b", 30, {"seccompProfile": {"type": "Unconfined"}})]})
}

test_pod_level_runtime_default_is_allowed if {
	count(deny) == 0 with input as t.pod({"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}, "__line__": 11, "__end_line__": 12}, "containers": [t.container("a", 20, {"securityContext": {"__line__": 0, "__end_line__": 0}})]})
}
