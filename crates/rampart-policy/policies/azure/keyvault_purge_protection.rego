# METADATA
# id: azure-keyvault-not-recoverable
# title: Key Vault without purge protection
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_key_vault]
# description: >-
#   An azurerm_key_vault does not set purge_protection_enabled to true (the default is false), or
#   turns soft delete off with soft_delete_enabled = false (azurerm 2). Without purge protection a
#   deleted vault or key can be purged at once, by mistake or by an attacker with enough rights,
#   and every piece of data encrypted with those keys becomes unrecoverable.
# remediation: >-
#   Enable purge protection (it cannot be turned off again) and keep soft delete with a retention
#   period: `purge_protection_enabled = true` and `soft_delete_retention_days = 90`.
# references:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
package rampart.azure.keyvault_purge_protection

import data.rampart.cloud.lib

deny contains r if {
	some kv in lib.managed("azurerm_key_vault")
	v := lib.values(kv)
	not lib.has(v, "purge_protection_enabled")
	r := lib.result(kv, sprintf("%s does not enable purge protection, so deleted keys and secrets can be purged immediately", [lib.describe(kv)]))
}

deny contains r if {
	some kv in lib.managed("azurerm_key_vault")
	v := lib.values(kv)
	lib.is_false(v.purge_protection_enabled)
	r := lib.attr_result(kv, v, "purge_protection_enabled", sprintf("%s disables purge protection, so deleted keys and secrets can be purged immediately", [lib.describe(kv)]))
}

deny contains r if {
	some kv in lib.managed("azurerm_key_vault")
	v := lib.values(kv)
	lib.is_false(v.soft_delete_enabled)
	r := lib.attr_result(kv, v, "soft_delete_enabled", sprintf("%s disables soft delete, so deleted keys and secrets are lost at once", [lib.describe(kv)]))
}
