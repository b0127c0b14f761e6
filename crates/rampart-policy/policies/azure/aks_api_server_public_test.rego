package rampart.azure.aks_api_server_public

import data.rampart.azure.testlib as t

test_unrestricted_api_servers_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a"}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "api_server_access_profile": [t.blk(50, {"authorized_ip_ranges": ["0.0.0.0/0"]})]}),
		t.res("azurerm_kubernetes_cluster", "c", 80, {"name": "c", "private_cluster_enabled": false, "api_server_authorized_ip_ranges": []}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 40, 80}
}

test_restricted_or_private_api_servers_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_kubernetes_cluster", "a", 1, {"name": "a", "api_server_access_profile": [t.blk(10, {"authorized_ip_ranges": ["203.0.113.0/24"]})]}),
		t.res("azurerm_kubernetes_cluster", "b", 40, {"name": "b", "api_server_authorized_ip_ranges": ["198.51.100.7/32"]}),
		t.res("azurerm_kubernetes_cluster", "c", 80, {"name": "c", "private_cluster_enabled": true}),
		t.res("azurerm_kubernetes_cluster", "d", 120, {"name": "d", "api_server_access_profile": [t.blk(130, {"authorized_ip_ranges": t.unknown("var.admin_ranges", [])})]}),
		t.res("azurerm_kubernetes_cluster", "e", 160, {"name": "e", "private_cluster_enabled": t.unknown("var.private", [])}),
	])
}
