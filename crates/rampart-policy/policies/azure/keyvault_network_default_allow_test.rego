package rampart.azure.keyvault_network_default_allow

import data.rampart.azure.testlib as t

test_open_vaults_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_key_vault", "a", 1, {"name": "acme-a"}),
		t.res("azurerm_key_vault", "b", 30, {"name": "acme-b", "network_acls": [t.blk(40, {"default_action": "Allow", "bypass": "AzureServices", "__spans__": {"default_action": [41, 41]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 41}
}

test_restricted_vaults_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_key_vault", "a", 1, {"name": "acme-a", "network_acls": [t.blk(10, {"default_action": "Deny", "bypass": "AzureServices"})]}),
		t.res("azurerm_key_vault", "b", 30, {"name": "acme-b", "public_network_access_enabled": false}),
		t.res("azurerm_key_vault", "c", 60, {"name": "acme-c", "network_acls": [t.blk(70, {"default_action": t.unknown("var.default_action", [])})]}),
	])
}
