package rampart.azure.vm_password_auth

import data.rampart.azure.testlib as t

test_password_auth_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_linux_virtual_machine", "a", 1, {"name": "a", "admin_username": "azureuser", "disable_password_authentication": false, "__spans__": {"disable_password_authentication": [8, 8]}}),
		t.res("azurerm_virtual_machine", "b", 40, {"name": "b", "os_profile_linux_config": [t.blk(50, {"disable_password_authentication": false, "__spans__": {"disable_password_authentication": [51, 51]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {8, 51}
}

test_ssh_keys_only_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_linux_virtual_machine", "a", 1, {"name": "a", "admin_ssh_key": [t.blk(10, {"username": "azureuser"})]}),
		t.res("azurerm_linux_virtual_machine_scale_set", "b", 40, {"name": "b", "disable_password_authentication": true}),
		t.res("azurerm_linux_virtual_machine", "c", 80, {"name": "c", "disable_password_authentication": t.unknown("var.allow_password", [])}),
		t.res("azurerm_windows_virtual_machine", "w", 120, {"name": "w", "admin_password": t.unknown("var.pw", [])}),
	])
}
