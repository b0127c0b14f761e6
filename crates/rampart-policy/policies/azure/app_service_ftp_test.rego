package rampart.azure.app_service_ftp

import data.rampart.azure.testlib as t

test_plain_ftp_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_windows_web_app", "a", 1, {"name": "a", "site_config": [t.blk(8, {"ftps_state": "AllAllowed", "__spans__": {"ftps_state": [10, 10]}})]}),
	])
	count(r) == 1
	{x.line | some x in r} == {10}
}

test_ftps_or_disabled_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_linux_web_app", "a", 1, {"name": "a", "site_config": [t.blk(8, {"ftps_state": "Disabled"})]}),
		t.res("azurerm_linux_function_app", "b", 40, {"name": "b", "site_config": [t.blk(48, {"ftps_state": "FtpsOnly"})]}),
		t.res("azurerm_linux_web_app", "c", 80, {"name": "c", "site_config": [t.blk(88, {})]}),
	])
}
