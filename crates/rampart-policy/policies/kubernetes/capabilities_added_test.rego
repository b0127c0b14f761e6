package rampart.kubernetes.capabilities_added

import data.rampart.kubernetes.testlib as t

caps(add) := {"capabilities": {"add": add, "drop": ["ALL"], "__line__": 0, "__end_line__": 0}}

test_dangerous_capabilities_are_denied if {
	r := deny with input as t.deployment({"containers": [t.with_sc("app", 20, caps(["SYS_ADMIN", "NET_BIND_SERVICE"]))], "initContainers": [t.with_sc("net", 14, caps(["cap_net_admin", "ALL"]))]})
	count(r) == 3
}

test_baseline_capabilities_are_allowed if {
	count(deny) == 0 with input as t.pod({"containers": [t.with_sc("app", 20, caps(["NET_BIND_SERVICE", "CAP_CHOWN"]))]})
}
