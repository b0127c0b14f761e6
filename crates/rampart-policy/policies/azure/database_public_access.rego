# METADATA
# id: azure-database-public-network-access
# title: PostgreSQL, MySQL or MariaDB server reachable over a public endpoint
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_mariadb_server, azurerm_mysql_flexible_server, azurerm_mysql_server, azurerm_postgresql_flexible_server, azurerm_postgresql_server]
# description: >-
#   An Azure Database for PostgreSQL, MySQL or MariaDB single server does not set
#   public_network_access_enabled to false (the default is true), or a flexible server
#   (azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server) sets it to true or is not
#   injected into a virtual network (no delegated_subnet_id) without turning it off. The server
#   then listens on a public endpoint, one over-broad firewall rule away from exposure to the
#   internet.
# remediation: >-
#   Keep the server off the internet: `public_network_access_enabled = false` with a private
#   endpoint, or for flexible servers VNet integration via `delegated_subnet_id` and
#   `private_dns_zone_id`.
# references:
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-networking
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server
package rampart.azure.database_public_access

import data.rampart.cloud.lib

single_types := {"azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"}

flexible_types := {"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"}

deny contains r if {
	some t in single_types
	some s in lib.managed(t)
	v := lib.values(s)
	not lib.has(v, "public_network_access_enabled")
	r := lib.result(s, sprintf("%s does not disable public network access (public_network_access_enabled defaults to true)", [lib.describe(s)]))
}

deny contains r if {
	some t in single_types | flexible_types
	some s in lib.managed(t)
	v := lib.values(s)
	lib.is_true(v.public_network_access_enabled)
	r := lib.attr_result(s, v, "public_network_access_enabled", sprintf("%s enables public network access", [lib.describe(s)]))
}

deny contains r if {
	some t in flexible_types
	some s in lib.managed(t)
	v := lib.values(s)
	not lib.has(v, "public_network_access_enabled")
	not lib.has(v, "delegated_subnet_id")
	r := lib.result(s, sprintf("%s has a public endpoint (no delegated_subnet_id, public_network_access_enabled not false)", [lib.describe(s)]))
}
