# METADATA
# id: azure-storage-blob-public-access
# title: Storage account allows public blob access
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_storage_account]
# description: >-
#   An azurerm_storage_account does not set allow_nested_items_to_be_public (azurerm 3 and 4) to
#   false, or sets allow_blob_public_access (azurerm 2) to true. The azurerm 3 and 4 default is
#   true, which lets any container in the account be switched to anonymous read access, one
#   container_access_type away from a public data leak. Disallowing it at the account overrides
#   every container setting.
# remediation: >-
#   Disallow anonymous access at the account: `allow_nested_items_to_be_public = false`
#   (azurerm 3/4) or `allow_blob_public_access = false` (azurerm 2), and share data with SAS tokens
#   or Entra ID instead.
# references:
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
package rampart.azure.storage_public_blob

import data.rampart.cloud.lib

deny contains r if {
	some sa in lib.managed("azurerm_storage_account")
	v := lib.values(sa)
	some key in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	lib.is_true(v[key])
	r := lib.attr_result(sa, v, key, sprintf("%s allows anonymous public access to its blobs (%s = true)", [lib.describe(sa), key]))
}

deny contains r if {
	some sa in lib.managed("azurerm_storage_account")
	v := lib.values(sa)
	not lib.has(v, "allow_nested_items_to_be_public")
	not lib.has(v, "allow_blob_public_access")
	r := lib.result(sa, sprintf("%s does not set allow_nested_items_to_be_public = false, so containers can be made public (the provider default is true)", [lib.describe(sa)]))
}
