# METADATA
# id: azure-storage-container-public
# title: Storage container allows anonymous read access
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_storage_container]
# description: >-
#   An azurerm_storage_container sets container_access_type to "blob" (anyone can read a blob
#   whose URL they know) or "container" (anyone can also list every blob). No key, token or
#   identity is needed, so whatever lands in the container, including backups and exports put
#   there later, is public.
# remediation: >-
#   Keep the container private, `container_access_type = "private"` (the default), disallow
#   public access on the account (`allow_nested_items_to_be_public = false`), and share blobs
#   with short-lived SAS tokens or through a CDN with a private origin.
# references:
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_container
package rampart.azure.storage_container_public

import data.rampart.cloud.lib

deny contains r if {
	some c in lib.managed("azurerm_storage_container")
	v := lib.values(c)
	v.container_access_type in {"blob", "container"}
	r := lib.attr_result(c, v, "container_access_type", sprintf("%s allows anonymous read access (container_access_type = %q)", [lib.describe(c), v.container_access_type]))
}
