package rampart.kubernetes.host_port

import data.rampart.kubernetes.testlib as t

test_host_port_is_denied if {
	r := deny with input as t.deployment({"containers": [t.container("app", 20, {"ports": [{"containerPort": 80, "hostPort": 8080, "__line__": 25, "__end_line__": 26}]})]})
	count(r) == 1
	some x in r
	x.line == 25
}

test_container_port_is_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("app", 20, {"ports": [{"containerPort": 80, "__line__": 25, "__end_line__": 25}]})]})
}
