package rampart.kubernetes.missing_requests

import data.rampart.kubernetes.testlib as t

test_missing_requests_are_denied if {
	r := deny with input as t.job({
		"containers": [object.remove(t.container("app", 20, {}), {"resources"})],
		"initContainers": [t.container("setup", 14, {"resources": {"requests": {"cpu": "100m"}, "__line__": 0, "__end_line__": 0}})],
	})
	count(r) == 2
	{x.msg | some x in r} == {"container \"app\" has no cpu or memory request", "init container \"setup\" has no memory request"}
}

test_requests_or_limits_are_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [
		t.container("app", 20, {}),
		t.container("side", 30, {"resources": {"limits": {"cpu": "1", "memory": "1Gi"}, "__line__": 0, "__end_line__": 0}}),
	]})
}
