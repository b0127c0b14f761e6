package rampart.kubernetes.read_only_root_filesystem

import data.rampart.kubernetes.testlib as t

test_writable_is_denied if {
	count(deny) == 2 with input as t.job({"containers": [t.with_sc("app", 20, {"readOnlyRootFilesystem": false})], "initContainers": [t.container("init", 14, {"securityContext": {"__line__": 0, "__end_line__": 0}})]})
}

test_read_only_is_allowed if {
	count(deny) == 0 with input as t.job({"containers": [t.container("app", 20, {})]})
}
