package rampart.azure.storage_container_public

import data.rampart.azure.testlib as t

test_public_containers_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_storage_container", "a", 1, {"name": "images", "container_access_type": "blob", "__spans__": {"container_access_type": [4, 4]}}),
		t.res("azurerm_storage_container", "b", 30, {"name": "exports", "container_access_type": "container", "__spans__": {"container_access_type": [34, 34]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {4, 34}
}

test_private_containers_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_storage_container", "a", 1, {"name": "images"}),
		t.res("azurerm_storage_container", "b", 30, {"name": "exports", "container_access_type": "private"}),
		t.res("azurerm_storage_container", "c", 60, {"name": "x", "container_access_type": t.unknown("var.access", [])}),
	])
}
