package rampart.compose.privileged

import data.rampart.compose.testlib as t

test_privileged_service_is_denied if {
	r := deny with input as t.compose({
		"agent": t.hardened(4, {"privileged": true}),
		"web": t.hardened(20, {}),
	})
	count(r) == 1
	some x in r
	x.line == 4
	x.msg == "service \"agent\" runs privileged (privileged: true)"
}

test_privileged_as_string_is_denied if {
	count(deny) == 1 with input as t.compose({"agent": t.hardened(4, {"privileged": "true"})})
}

test_unprivileged_services_are_allowed if {
	count(deny) == 0 with input as t.compose({"web": t.hardened(4, {"privileged": false}), "db": t.hardened(20, {})})
	count(deny) == 0 with input as t.compose({"web": t.hardened(4, {"privileged": "${PRIVILEGED:-false}"})})
}
