package rampart.compose.root_user

import data.rampart.compose.testlib as t

test_root_users_are_denied if {
	r := deny with input as t.compose({
		"a": t.hardened(4, {"user": "root"}),
		"b": t.hardened(20, {"user": 0}),
		"c": t.hardened(40, {"user": "0:0"}),
		"d": t.hardened(60, {"user": "node"}),
	})
	count(r) == 3
	{x.line | some x in r} == {4, 20, 40}
}

test_unprivileged_users_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"a": t.hardened(4, {"user": "10001:10001"}),
		"b": t.hardened(20, {"user": 1000}),
		"c": t.hardened(40, {"user": "${UID:-1000}:${GID:-1000}"}),
		"d": t.hardened(60, {"user": "postgres"}),
	})
}
