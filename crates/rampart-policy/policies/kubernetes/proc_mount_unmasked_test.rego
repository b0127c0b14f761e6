package rampart.kubernetes.proc_mount_unmasked

import data.rampart.kubernetes.testlib as t

test_unmasked_is_denied if {
	r := deny with input as t.cronjob({
		"containers": [t.with_sc("app", 20, {"procMount": "Unmasked"})],
		"initContainers": [t.with_sc("setup", 14, {"procMount": "Unmasked"})],
		"ephemeralContainers": [t.with_sc("debug", 30, {"procMount": "Unmasked"})],
	})
	count(r) == 3
	{x.line | some x in r} == {14, 20, 30}
}

test_default_proc_mount_is_allowed if {
	count(deny) == 0 with input as t.pod({"containers": [t.with_sc("app", 20, {"procMount": "Default"}), t.container("b", 30, {})]})
}
