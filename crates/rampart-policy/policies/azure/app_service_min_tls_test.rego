package rampart.azure.app_service_min_tls

import data.rampart.azure.testlib as t

test_old_tls_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_linux_web_app", "a", 1, {"name": "a", "site_config": [t.blk(8, {"minimum_tls_version": "1.0", "__spans__": {"minimum_tls_version": [9, 9]}})]}),
		t.res("azurerm_app_service", "b", 40, {"name": "b", "site_config": [t.blk(48, {"min_tls_version": "1.1", "__spans__": {"min_tls_version": [49, 49]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {9, 49}
}

test_tls12_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_linux_web_app", "a", 1, {"name": "a", "site_config": [t.blk(8, {"minimum_tls_version": "1.2"})]}),
		t.res("azurerm_windows_web_app", "b", 40, {"name": "b", "site_config": [t.blk(48, {})]}),
		t.res("azurerm_linux_web_app", "c", 80, {"name": "c", "site_config": [t.blk(88, {"minimum_tls_version": t.unknown("var.tls", [])})]}),
	])
}
