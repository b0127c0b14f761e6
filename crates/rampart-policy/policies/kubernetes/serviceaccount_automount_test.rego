package rampart.kubernetes.serviceaccount_automount

sa(extra) := object.union({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "shop-api", "namespace": "shop", "__line__": 3, "__end_line__": 5}, "__line__": 1, "__end_line__": 6}, extra)

test_automounting_accounts_are_denied if {
	r := deny with input as sa({})
	count(r) == 1
	some x in r
	x.line == 1
	x.msg == "ServiceAccount \"shop-api\" does not set automountServiceAccountToken: false"
	count(deny) == 1 with input as sa({"automountServiceAccountToken": true})
}

test_accounts_without_automount_are_allowed if {
	count(deny) == 0 with input as sa({"automountServiceAccountToken": false})
	count(deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "x"}, "data": {}}
}
