package rampart.kubernetes.service_account_token_automount

import data.rampart.kubernetes.testlib as t

test_automount_unset_or_true_is_denied if {
	r := deny with input as t.deployment({"containers": [t.container("app", 20, {})]})
	count(r) == 1
	{x.line | some x in r} == {10}
	count(deny) == 1 with input as t.cronjob({"automountServiceAccountToken": true, "serviceAccountName": "web", "containers": [t.container("app", 20, {})]})
}

test_automount_false_is_allowed if {
	count(deny) == 0 with input as t.pod({"automountServiceAccountToken": false, "containers": [t.container("app", 20, {})]})
	count(deny) == 0 with input as {"kind": "ServiceAccount", "metadata": {"name": "web"}, "automountServiceAccountToken": true}
}
