package rampart.azure.storage_public_blob

import data.rampart.azure.testlib as t

test_public_blob_access_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea"}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "allow_nested_items_to_be_public": true, "__spans__": {"allow_nested_items_to_be_public": [38, 38]}}),
		t.res("azurerm_storage_account", "c", 60, {"name": "acmec", "allow_blob_public_access": true, "__spans__": {"allow_blob_public_access": [66, 66]}}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 38, 66}
}

test_private_accounts_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea", "allow_nested_items_to_be_public": false}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "allow_blob_public_access": false}),
		t.res("azurerm_storage_account", "c", 60, {"name": "acmec", "allow_nested_items_to_be_public": t.unknown("var.public", [])}),
	])
}
