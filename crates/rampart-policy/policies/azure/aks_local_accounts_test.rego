package rampart.azure.aks_local_accounts

import data.rampart.azure.testlib as t

test_local_accounts_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a"}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "local_account_disabled": false, "__spans__": {"local_account_disabled": [45, 45]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 45}
}

test_disabled_local_accounts_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a", "local_account_disabled": true}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "local_account_disabled": t.unknown("var.disable_local", [])}),
	])
}
