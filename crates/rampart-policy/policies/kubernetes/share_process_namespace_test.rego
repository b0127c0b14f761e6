package rampart.kubernetes.share_process_namespace

import data.rampart.kubernetes.testlib as t

test_shared_process_namespace_is_denied if {
	r := deny with input as t.cronjob({"shareProcessNamespace": true, "containers": [t.container("app", 20, {})]})
	count(r) == 1
	{x.line | some x in r} == {10}
}

test_separate_process_namespaces_are_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("app", 20, {})]})
	count(deny) == 0 with input as t.pod({"shareProcessNamespace": false, "containers": [t.container("app", 20, {})]})
}
