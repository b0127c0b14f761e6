package rampart.kubernetes.allow_privilege_escalation

import data.rampart.kubernetes.testlib as t

test_missing_or_true_is_denied if {
	r := deny with input as t.cronjob({"containers": [t.container("app", 20, {"securityContext": {"runAsNonRoot": true}}), t.with_sc("side", 30, {"allowPrivilegeEscalation": true})]})
	count(r) == 2
}

test_false_is_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("app", 20, {})], "initContainers": [t.container("init", 14, {})]})
}
