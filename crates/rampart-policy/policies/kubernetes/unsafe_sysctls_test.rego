package rampart.kubernetes.unsafe_sysctls

import data.rampart.kubernetes.testlib as t

sc(sysctls) := {"securityContext": {"sysctls": sysctls, "__line__": 11, "__end_line__": 16}, "containers": [t.container("app", 20, {})]}

test_unsafe_sysctls_are_denied if {
	r := deny with input as t.deployment(sc([
		{"name": "net.ipv4.tcp_syncookies", "value": "1", "__line__": 12, "__end_line__": 13},
		{"name": "kernel.msgmax", "value": "65536", "__line__": 14, "__end_line__": 15},
		{"name": "net.core.somaxconn", "value": "1024", "__line__": 15, "__end_line__": 16},
	]))
	count(r) == 2
	{x.line | some x in r} == {14, 15}
}

test_safe_sysctls_are_allowed if {
	count(deny) == 0 with input as t.cronjob(sc([
		{"name": "net.ipv4.ip_local_port_range", "value": "1024 65000", "__line__": 12, "__end_line__": 13},
		{"name": "net/ipv4/tcp_keepalive_time", "value": "600", "__line__": 14, "__end_line__": 15},
	]))
	count(deny) == 0 with input as t.pod({"containers": [t.container("app", 20, {})]})
}
