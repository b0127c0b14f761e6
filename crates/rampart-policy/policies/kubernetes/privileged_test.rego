package rampart.kubernetes.privileged

import data.rampart.kubernetes.testlib as t

test_privileged_containers_are_denied if {
	r := deny with input as t.deployment({"containers": [t.with_sc("app", 20, {"privileged": true})], "initContainers": [t.with_sc("setup", 14, {"privileged": true})]})
	count(r) == 2
	{x.line | some x in r} == {14, 20}
}

test_privileged_ephemeral_container_in_pod_is_denied if {
	count(deny) == 1 with input as t.pod({"containers": [t.container("app", 20, {})], "ephemeralContainers": [t.with_sc("debug", 30, {"privileged": true})]})
}

test_unprivileged_is_allowed if {
	count(deny) == 0 with input as t.cronjob({"containers": [t.container("app", 20, {})]})
	count(deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"privileged": "true"}}
}
