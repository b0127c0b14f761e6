package rampart.compose.host_namespaces

import data.rampart.compose.testlib as t

test_host_namespaces_are_denied if {
	r := deny with input as t.compose({
		"monitor": t.hardened(4, {"network_mode": "host", "pid": "host"}),
		"cache": t.hardened(20, {"ipc": "host"}),
		"web": t.hardened(40, {}),
	})
	count(r) == 3
	{x.line | some x in r} == {4, 20}
}

test_private_namespaces_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {"network_mode": "bridge", "ipc": "shareable"}),
		"sidecar": t.hardened(20, {"network_mode": "service:web", "pid": "service:web"}),
		"job": t.hardened(40, {"network_mode": "none"}),
	})
}
