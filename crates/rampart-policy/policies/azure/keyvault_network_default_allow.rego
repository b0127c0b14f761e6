# METADATA
# id: azure-keyvault-network-default-allow
# title: Key Vault reachable from all networks
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_key_vault]
# description: >-
#   An azurerm_key_vault with public network access (the default) has no network_acls block, or
#   sets network_acls.default_action to "Allow". The vault's data plane then accepts requests from
#   any network, so a stolen token or client secret can read secrets and keys from anywhere on the
#   internet.
# remediation: >-
#   Deny by default and allow only what needs the vault:
#   `network_acls { default_action = "Deny" bypass = "AzureServices" ip_rules = ["203.0.113.0/24"] virtual_network_subnet_ids = [azurerm_subnet.app.id] }`,
#   or set `public_network_access_enabled = false` and use a private endpoint.
# references:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/network-security
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
package rampart.azure.keyvault_network_default_allow

import data.rampart.cloud.lib

public_access(v) if not lib.has(v, "public_network_access_enabled")

public_access(v) if lib.is_true(v.public_network_access_enabled)

deny contains r if {
	some kv in lib.managed("azurerm_key_vault")
	v := lib.values(kv)
	public_access(v)
	not lib.has(v, "network_acls")
	r := lib.result(kv, sprintf("%s accepts requests from all networks (no network_acls with default_action = \"Deny\")", [lib.describe(kv)]))
}

deny contains r if {
	some kv in lib.managed("azurerm_key_vault")
	v := lib.values(kv)
	public_access(v)
	some acl in lib.blocks(v, "network_acls")
	acl.default_action == "Allow"
	r := lib.attr_result(kv, acl, "default_action", sprintf("%s accepts requests from all networks (network_acls default_action = \"Allow\")", [lib.describe(kv)]))
}
