# METADATA
# id: azure-managed-disk-no-cmk
# title: Managed disk not encrypted with a customer-managed key
# severity: low
# kinds: [terraform]
# resource_types: [azurerm_managed_disk]
# description: >-
#   An azurerm_managed_disk has no disk_encryption_set_id (nor secure_vm_disk_encryption_set_id)
#   and no enabled encryption_settings block, so it is encrypted only with a platform-managed key.
#   The data is still encrypted at rest, but the organization cannot control, rotate, audit use of,
#   or revoke the key, which many compliance regimes require for sensitive data.
# remediation: >-
#   Create an azurerm_disk_encryption_set backed by a Key Vault key and attach it:
#   `disk_encryption_set_id = azurerm_disk_encryption_set.main.id`.
# references:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk
package rampart.azure.managed_disk_cmk

import data.rampart.cloud.lib

encrypted(v) if lib.has(v, "disk_encryption_set_id")

encrypted(v) if lib.has(v, "secure_vm_disk_encryption_set_id")

encrypted(v) if {
	some e in lib.blocks(v, "encryption_settings")
	not lib.is_false(object.get(e, "enabled", true))
}

encrypted(v) if lib.is_unknown(v.encryption_settings)

deny contains r if {
	some d in lib.managed("azurerm_managed_disk")
	v := lib.values(d)
	not encrypted(v)
	r := lib.result(d, sprintf("%s is encrypted only with a platform-managed key (no disk_encryption_set_id)", [lib.describe(d)]))
}
