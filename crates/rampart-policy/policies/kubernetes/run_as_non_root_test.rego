package rampart.kubernetes.run_as_non_root

import data.rampart.kubernetes.testlib as t

test_missing_is_denied if {
	r := deny with input as t.deployment({"containers": [t.container("app", 20, {"securityContext": {"readOnlyRootFilesystem": true, "__line__": 0, "__end_line__": 0}})], "initContainers": [t.with_sc("init", 14, {"runAsNonRoot": false})]})
	count(r) == 2
}

test_pod_level_or_uid_is_allowed if {
	count(deny) == 0 with input as t.cronjob({"securityContext": {"runAsNonRoot": true, "__line__": 11, "__end_line__": 12}, "containers": [t.container("app", 20, {"securityContext": {"__line__": 0, "__end_line__": 0}})]})
	count(deny) == 0 with input as t.pod({"containers": [t.container("app", 20, {"securityContext": {"runAsUser": 1000, "__line__": 0, "__end_line__": 0}})]})
}

test_container_overrides_pod if {
	count(deny) == 1 with input as t.pod({"securityContext": {"runAsNonRoot": true, "__line__": 11, "__end_line__": 12}, "containers": [t.with_sc("app", 20, {"runAsNonRoot": false})]})
}
