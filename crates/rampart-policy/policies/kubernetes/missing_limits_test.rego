package rampart.kubernetes.missing_limits

import data.rampart.kubernetes.testlib as t

test_missing_limits_are_denied if {
	r := deny with input as t.deployment({
		"containers": [t.container("app", 20, {"resources": {"requests": {"cpu": "100m"}, "__line__": 0, "__end_line__": 0}})],
		"initContainers": [t.container("setup", 14, {"resources": {"limits": {"cpu": "1"}, "__line__": 0, "__end_line__": 0}})],
	})
	count(r) == 2
	{x.line | some x in r} == {14, 20}
	some x in r
	x.line == 14
	x.msg == "init container \"setup\" has no memory limit"
}

test_container_without_resources_is_denied if {
	r := deny with input as t.cronjob({"containers": [object.remove(t.container("app", 20, {}), {"resources"})]})
	count(r) == 1
	some x in r
	x.msg == "container \"app\" has no cpu or memory limit"
}

test_limits_set_are_allowed if {
	count(deny) == 0 with input as t.pod({"containers": [t.container("app", 20, {})], "ephemeralContainers": [{"name": "debug", "image": "busybox", "__line__": 30, "__end_line__": 31}]})
	count(deny) == 0 with input as {"kind": "Service", "metadata": {"name": "x"}, "spec": {"ports": []}}
}
