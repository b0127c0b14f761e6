# METADATA
# id: azure-storage-https-not-enforced
# title: Storage account accepts plain HTTP
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_storage_account]
# description: >-
#   An azurerm_storage_account sets https_traffic_only_enabled (azurerm 4) or
#   enable_https_traffic_only (azurerm 3 and earlier) to false, so the blob, file, queue and table
#   endpoints accept unencrypted HTTP. Data, shared keys in headers and SAS tokens in URLs then
#   travel in clear text and can be read or modified in transit.
# remediation: >-
#   Require secure transfer, the provider default: `https_traffic_only_enabled = true` (azurerm 4)
#   or `enable_https_traffic_only = true` (azurerm 3), together with `min_tls_version = "TLS1_2"`.
# references:
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
package rampart.azure.storage_https_only

import data.rampart.cloud.lib

deny contains r if {
	some sa in lib.managed("azurerm_storage_account")
	v := lib.values(sa)
	some key in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	lib.is_false(v[key])
	r := lib.attr_result(sa, v, key, sprintf("%s allows unencrypted HTTP (%s = false)", [lib.describe(sa), key]))
}
