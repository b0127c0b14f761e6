package rampart.azure.app_service_https_only

import data.rampart.azure.testlib as t

test_http_apps_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_linux_web_app", "a", 1, {"name": "a", "site_config": [t.blk(8, {})]}),
		t.res("azurerm_windows_function_app", "b", 40, {"name": "b", "https_only": false, "__spans__": {"https_only": [44, 44]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 44}
}

test_https_only_apps_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_linux_web_app", "a", 1, {"name": "a", "https_only": true}),
		t.res("azurerm_app_service", "b", 40, {"name": "b", "https_only": t.unknown("var.https_only", [])}),
		t.res("azurerm_service_plan", "p", 80, {"name": "p", "os_type": "Linux"}),
	])
}
