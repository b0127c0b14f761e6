# METADATA
# id: azure-linux-vm-password-auth
# title: Linux VM allows password authentication
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_virtual_machine]
# description: >-
#   An azurerm_linux_virtual_machine or azurerm_linux_virtual_machine_scale_set sets
#   disable_password_authentication = false, or an azurerm_virtual_machine does so in its
#   os_profile_linux_config block. SSH then accepts passwords, which can be guessed, reused from
#   other breaches or phished, while SSH keys cannot be brute-forced.
# remediation: >-
#   Use SSH keys only: `disable_password_authentication = true` (the default of the Linux VM
#   resources) with an `admin_ssh_key { username = "azureuser" public_key = var.admin_ssh_public_key }`
#   block, and drop `admin_password`.
# references:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine
package rampart.azure.vm_password_auth

import data.rampart.cloud.lib

deny contains r if {
	some t in {"azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"}
	some vm in lib.managed(t)
	v := lib.values(vm)
	lib.is_false(v.disable_password_authentication)
	r := lib.attr_result(vm, v, "disable_password_authentication", sprintf("%s allows SSH password authentication", [lib.describe(vm)]))
}

deny contains r if {
	some vm in lib.managed("azurerm_virtual_machine")
	some c in lib.blocks(lib.values(vm), "os_profile_linux_config")
	lib.is_false(c.disable_password_authentication)
	r := lib.attr_result(vm, c, "disable_password_authentication", sprintf("%s allows SSH password authentication", [lib.describe(vm)]))
}
