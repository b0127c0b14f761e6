package rampart.azure.aks_rbac

import data.rampart.azure.testlib as t

test_rbac_off_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a", "role_based_access_control_enabled": false, "__spans__": {"role_based_access_control_enabled": [9, 9]}}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "role_based_access_control": [t.blk(50, {"enabled": false, "__spans__": {"enabled": [51, 51]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {9, 51}
}

test_rbac_on_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a"}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "role_based_access_control_enabled": true}),
		t.res("azurerm_kubernetes_cluster", "c", 80, {"name": "c", "role_based_access_control_enabled": t.unknown("var.rbac", [])}),
	])
}
