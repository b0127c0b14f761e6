package rampart.compose.read_only_root_filesystem

import data.rampart.compose.testlib as t

test_writable_root_filesystems_are_denied if {
	r := deny with input as t.compose({
		"web": t.service(4, {"image": "nginx:1.27"}),
		"api": t.hardened(20, {"read_only": false}),
		"db": t.hardened(40, {}),
	})
	count(r) == 2
	{x.line | some x in r} == {4, 20}
}

test_read_only_services_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {"read_only": "true"}),
		"api": t.hardened(20, {"read_only": "${READ_ONLY}"}),
		"db": t.hardened(40, {}),
	})
}
