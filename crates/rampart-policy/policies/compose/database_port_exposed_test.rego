package rampart.compose.database_port_exposed

import data.rampart.compose.testlib as t

test_database_ports_on_all_interfaces_are_denied if {
	r := deny with input as t.compose({
		"db": t.hardened(4, {"ports": ["5432:5432"]}),
		"cache": t.hardened(20, {"ports": [6379, "0.0.0.0:16379:6379/tcp"]}),
		"search": t.hardened(40, {"ports": [{"target": 9200, "published": "9200", "protocol": "tcp", "__line__": 45, "__end_line__": 48}]}),
		"mongo": t.hardened(60, {"ports": ["${MONGO_PORT:-27017}:27017"]}),
		"web": t.hardened(80, {"ports": ["80:8080", "443:8443"]}),
	})
	count(r) == 5
	{x.line | some x in r} == {4, 20, 45, 60}
	some x in r
	x.msg == "service \"db\" publishes the PostgreSQL port 5432 on all host interfaces (5432:5432)"
}

test_port_range_and_ipv6_any_are_denied if {
	count(deny) == 2 with input as t.compose({
		"mysql": t.hardened(4, {"ports": ["3300-3310:3300-3310"]}),
		"redis": t.hardened(20, {"ports": ["[::]:6379:6379"]}),
	})
}

test_loopback_and_application_ports_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"db": t.hardened(4, {"ports": ["127.0.0.1:5432:5432"]}),
		"cache": t.hardened(20, {"ports": ["[::1]:6379:6379", {"target": 6379, "host_ip": "127.0.0.1", "published": 6379, "__line__": 25, "__end_line__": 28}]}),
		"web": t.hardened(40, {"ports": ["8080:8080", 443, "${BIND_ADDR:-127.0.0.1}:9200:9200"]}),
		"internal": t.hardened(60, {"expose": ["5432"]}),
	})
}
