# METADATA
# id: azure-storage-network-default-allow
# title: Storage account reachable from all networks
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
# description: >-
#   An azurerm_storage_account with public network access (the default) has no network_rules
#   block and no azurerm_storage_account_network_rules resource for it, or one of them sets
#   default_action = "Allow". Its endpoints then accept requests from any network, so a leaked
#   account key or SAS token can be used from anywhere on the internet.
# remediation: >-
#   Deny by default and allow only the networks that need access:
#   `network_rules { default_action = "Deny" ip_rules = ["203.0.113.0/24"] virtual_network_subnet_ids = [azurerm_subnet.app.id] bypass = ["AzureServices"] }`,
#   or turn public access off (`public_network_access_enabled = false`) and use private endpoints.
# references:
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules
package rampart.azure.storage_network_default_allow

import data.rampart.cloud.lib

public_access(v) if not lib.has(v, "public_network_access_enabled")

public_access(v) if lib.is_true(v.public_network_access_enabled)

# A separate network rules resource that names this account (or one that names no account we
# can tell, which we cannot rule out).
separate_rules(sa) if {
	some nr in lib.managed("azurerm_storage_account_network_rules")
	v := lib.values(nr)
	some key in ["storage_account_id", "storage_account_name"]
	lib.points_at(v[key], sa, "name")
}

separate_rules(sa) if {
	some nr in lib.managed("azurerm_storage_account_network_rules")
	v := lib.values(nr)
	some key in ["storage_account_id", "storage_account_name"]
	lib.is_unknown(v[key])
	count(object.get(v[key], "__refs__", [])) == 0
}

deny contains r if {
	some sa in lib.managed("azurerm_storage_account")
	v := lib.values(sa)
	public_access(v)
	not lib.has(v, "network_rules")
	not separate_rules(sa)
	r := lib.result(sa, sprintf("%s accepts requests from all networks (no network_rules with default_action = \"Deny\")", [lib.describe(sa)]))
}

deny contains r if {
	some sa in lib.managed("azurerm_storage_account")
	v := lib.values(sa)
	public_access(v)
	some nr in lib.blocks(v, "network_rules")
	nr.default_action == "Allow"
	r := lib.attr_result(sa, nr, "default_action", sprintf("%s accepts requests from all networks (network_rules default_action = \"Allow\")", [lib.describe(sa)]))
}

deny contains r if {
	some nr in lib.managed("azurerm_storage_account_network_rules")
	v := lib.values(nr)
	v.default_action == "Allow"
	r := lib.attr_result(nr, v, "default_action", sprintf("%s sets default_action = \"Allow\", so the storage account accepts requests from all networks", [lib.describe(nr)]))
}
