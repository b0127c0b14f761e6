package rampart.azure.storage_min_tls

import data.rampart.azure.testlib as t

test_old_tls_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea", "min_tls_version": "TLS1_0", "__spans__": {"min_tls_version": [7, 7]}}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "min_tls_version": "TLS1_1", "__spans__": {"min_tls_version": [37, 37]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {7, 37}
}

test_tls12_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea", "min_tls_version": "TLS1_2"}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb"}),
		t.res("azurerm_storage_account", "c", 60, {"name": "acmec", "min_tls_version": t.unknown("var.tls", [])}),
	])
}
