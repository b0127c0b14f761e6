package rampart.azure.storage_https_only

import data.rampart.azure.testlib as t

test_http_allowed_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea", "https_traffic_only_enabled": false, "__spans__": {"https_traffic_only_enabled": [6, 6]}}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "enable_https_traffic_only": false, "__spans__": {"enable_https_traffic_only": [36, 36]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {6, 36}
}

test_https_only_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_storage_account", "a", 1, {"name": "acmea"}),
		t.res("azurerm_storage_account", "b", 30, {"name": "acmeb", "https_traffic_only_enabled": true}),
		t.res("azurerm_storage_account", "c", 60, {"name": "acmec", "enable_https_traffic_only": t.unknown("var.https_only", [])}),
	])
}
