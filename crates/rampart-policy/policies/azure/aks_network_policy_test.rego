package rampart.azure.aks_network_policy

import data.rampart.azure.testlib as t

test_missing_network_policy_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a"}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "network_profile": [t.blk(50, {"network_plugin": "kubenet"})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 50}
}

test_network_policy_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a", "network_profile": [t.blk(10, {"network_plugin": "azure", "network_policy": "calico"})]}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "network_profile": [t.blk(50, {"network_plugin": "azure", "network_policy": t.unknown("var.network_policy", [])})]}),
		t.res("azurerm_kubernetes_cluster", "c", 80, {"name": "c", "network_profile": t.unknown("dynamic network_profile", [])}),
	])
}
