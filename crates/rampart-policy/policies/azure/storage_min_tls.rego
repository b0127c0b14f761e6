# METADATA
# id: azure-storage-weak-tls
# title: Storage account accepts TLS 1.0 or 1.1
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_storage_account]
# description: >-
#   An azurerm_storage_account sets min_tls_version to TLS1_0 or TLS1_1. Clients may then
#   negotiate protocol versions with known weaknesses that current guidance deprecates, and Azure
#   Storage is retiring them. Without the argument, azurerm 3 and later use TLS1_2.
# remediation: >-
#   Require TLS 1.2: `min_tls_version = "TLS1_2"` (after checking that old clients are upgraded).
# references:
#   - https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
package rampart.azure.storage_min_tls

import data.rampart.cloud.lib

deny contains r if {
	some sa in lib.managed("azurerm_storage_account")
	v := lib.values(sa)
	v.min_tls_version in {"TLS1_0", "TLS1_1"}
	r := lib.attr_result(sa, v, "min_tls_version", sprintf("%s accepts %s, older than TLS 1.2", [lib.describe(sa), v.min_tls_version]))
}
