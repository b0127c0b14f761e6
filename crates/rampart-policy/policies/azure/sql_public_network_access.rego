# METADATA
# id: azure-sql-server-public-network-access
# title: Azure SQL server reachable over its public endpoint
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_mssql_server, azurerm_sql_server]
# description: >-
#   An azurerm_mssql_server (or the older azurerm_sql_server) does not set
#   public_network_access_enabled to false; the provider default is true. The server's public
#   endpoint then accepts connections from any address that a server firewall rule admits, and
#   one over-broad rule (or "allow Azure services") exposes every database on it. Private
#   endpoints keep the traffic on the virtual network.
# remediation: >-
#   Turn the public endpoint off and connect through a private endpoint:
#   `public_network_access_enabled = false` plus an azurerm_private_endpoint with
#   `subresource_names = ["sqlServer"]`.
# references:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/private-endpoint-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
package rampart.azure.sql_public_network_access

import data.rampart.cloud.lib

server_types := {"azurerm_mssql_server", "azurerm_sql_server"}

deny contains r if {
	some t in server_types
	some s in lib.managed(t)
	v := lib.values(s)
	not lib.has(v, "public_network_access_enabled")
	r := lib.result(s, sprintf("%s does not disable public network access (public_network_access_enabled defaults to true)", [lib.describe(s)]))
}

deny contains r if {
	some t in server_types
	some s in lib.managed(t)
	v := lib.values(s)
	lib.is_true(v.public_network_access_enabled)
	r := lib.attr_result(s, v, "public_network_access_enabled", sprintf("%s enables public network access", [lib.describe(s)]))
}
