package rampart.kubernetes.missing_readiness_probe

import data.rampart.kubernetes.testlib as t

test_missing_probe_is_denied if {
	r := deny with input as t.deployment({
		"containers": [t.container("app", 20, {}), object.remove(t.container("worker", 30, {}), {"readinessProbe"})],
		"initContainers": [object.remove(t.container("setup", 14, {}), {"readinessProbe"}), object.remove(t.container("proxy", 16, {"restartPolicy": "Always"}), {"readinessProbe"})],
	})
	count(r) == 2
	{x.line | some x in r} == {16, 30}
}

test_bare_pod_is_checked_unless_it_runs_to_completion if {
	pod := t.pod({"containers": [object.remove(t.container("app", 20, {}), {"readinessProbe"})]})
	count(deny) == 1 with input as pod
	count(deny) == 0 with input as object.union(pod, {"spec": {"restartPolicy": "Never"}})
	count(deny) == 0 with input as object.union(pod, {"spec": {"restartPolicy": "OnFailure"}})
}

test_jobs_and_probed_containers_are_allowed if {
	no_probe := {"containers": [object.remove(t.container("app", 20, {}), {"readinessProbe"})]}
	count(deny) == 0 with input as t.job(no_probe)
	count(deny) == 0 with input as t.cronjob(no_probe)
	count(deny) == 0 with input as t.deployment({"containers": [t.container("app", 20, {})], "ephemeralContainers": [{"name": "debug", "image": "busybox", "__line__": 30, "__end_line__": 31}]})
}
