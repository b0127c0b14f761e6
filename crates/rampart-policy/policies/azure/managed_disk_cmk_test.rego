package rampart.azure.managed_disk_cmk

import data.rampart.azure.testlib as t

test_disk_without_cmk_is_denied if {
	r := deny with input as t.doc([t.res("azurerm_managed_disk", "data", 1, {"name": "data", "storage_account_type": "Premium_LRS", "create_option": "Empty", "disk_size_gb": 128})])
	count(r) == 1
	{x.line | some x in r} == {1}
}

test_disk_with_cmk_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_managed_disk", "a", 1, {"name": "a", "disk_encryption_set_id": t.unknown("azurerm_disk_encryption_set.main.id", ["azurerm_disk_encryption_set.main"])}),
		t.res("azurerm_managed_disk", "b", 40, {"name": "b", "encryption_settings": [t.blk(45, {"disk_encryption_key": [t.blk(46, {"secret_url": "https://kv.vault.azure.net/secrets/x/1"})]})]}),
	])
}
