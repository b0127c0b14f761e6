package rampart.compose.dangerous_capabilities

import data.rampart.compose.testlib as t

test_dangerous_capabilities_are_denied if {
	r := deny with input as t.compose({
		"vpn": t.hardened(4, {"cap_add": ["NET_ADMIN", "cap_sys_module"]}),
		"debug": t.hardened(20, {"cap_add": ["ALL"]}),
	})
	count(r) == 3
	{x.line | some x in r} == {4, 20}
	some x in r
	x.msg == "service \"vpn\" adds capability SYS_MODULE"
}

test_harmless_capabilities_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {"cap_add": ["NET_BIND_SERVICE", "CHOWN", "SETUID", "SETGID"]}),
		"api": t.hardened(20, {"cap_drop": ["ALL", "SYS_ADMIN"]}),
	})
}
