package rampart.azure.keyvault_purge_protection

import data.rampart.azure.testlib as t

test_unprotected_vaults_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_key_vault", "a", 1, {"name": "acme-a", "sku_name": "standard"}),
		t.res("azurerm_key_vault", "b", 30, {"name": "acme-b", "purge_protection_enabled": false, "soft_delete_enabled": false, "__spans__": {"purge_protection_enabled": [36, 36], "soft_delete_enabled": [37, 37]}}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 36, 37}
}

test_protected_vaults_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_key_vault", "a", 1, {"name": "acme-a", "purge_protection_enabled": true, "soft_delete_retention_days": 90}),
		t.res("azurerm_key_vault", "b", 30, {"name": "acme-b", "purge_protection_enabled": t.unknown("var.purge_protection", [])}),
	])
}
