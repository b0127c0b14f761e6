package rampart.kubernetes.default_service_account

import data.rampart.kubernetes.testlib as t

test_default_service_account_is_denied if {
	r := deny with input as t.deployment({"containers": [t.container("app", 20, {})]})
	count(r) == 1
	some x in r
	x.line == 10
	count(deny) == 1 with input as t.cronjob({"serviceAccountName": "default", "automountServiceAccountToken": false, "containers": [t.container("app", 20, {})]})
}

test_dedicated_service_account_is_allowed if {
	count(deny) == 0 with input as t.deployment({"serviceAccountName": "shop-api", "containers": [t.container("app", 20, {})]})
	count(deny) == 0 with input as t.pod({"serviceAccount": "legacy-sa", "containers": [t.container("app", 20, {})]})
	count(deny) == 0 with input as {"kind": "Service", "metadata": {"name": "x"}, "spec": {"ports": []}}
}
