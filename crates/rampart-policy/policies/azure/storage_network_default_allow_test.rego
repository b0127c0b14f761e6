package rampart.azure.storage_network_default_allow

import data.rampart.azure.testlib as t

test_open_storage_accounts_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea"}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "network_rules": [t.blk(40, {"default_action": "Allow", "__spans__": {"default_action": [41, 41]}})]}),
		t.res("azurerm_storage_account", "c", 60, {"name": "acmec"}),
		t.res("azurerm_storage_account_network_rules", "c", 90, {"storage_account_id": t.unknown("azurerm_storage_account.c.id", ["azurerm_storage_account.c"]), "default_action": "Allow", "__spans__": {"default_action": [92, 92]}}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 41, 92}
}

test_restricted_storage_accounts_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea", "network_rules": [t.blk(10, {"default_action": "Deny", "ip_rules": ["203.0.113.0/24"]})]}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "public_network_access_enabled": false}),
		t.res("azurerm_storage_account", "c", 60, {"name": "acmec"}),
		t.res("azurerm_storage_account_network_rules", "c", 90, {"storage_account_id": t.unknown("azurerm_storage_account.c.id", ["azurerm_storage_account.c"]), "default_action": "Deny"}),
		t.res("azurerm_storage_account", "d", 120, {"name": "acmed", "network_rules": [t.blk(130, {"default_action": t.unknown("var.default_action", [])})]}),
		t.res("azurerm_storage_account", "e", 150, {"name": "acmee", "public_network_access_enabled": t.unknown("var.public", [])}),
	])
}
