package rampart.kubernetes.host_namespaces

import data.rampart.kubernetes.testlib as t

test_host_namespaces_are_denied if {
	r := deny with input as t.deployment({"hostNetwork": true, "hostPID": true, "hostIPC": false, "containers": [t.container("app", 20, {})]})
	count(r) == 2
	some x in r
	x.line == 10
}

test_default_is_allowed if {
	count(deny) == 0 with input as t.pod({"containers": [t.container("app", 20, {})]})
}
