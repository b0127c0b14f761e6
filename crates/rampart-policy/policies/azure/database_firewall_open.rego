# METADATA
# id: azure-database-firewall-open-to-internet
# title: Database server firewall rule admits the whole internet
# severity: critical
# kinds: [terraform]
# resource_types: [azurerm_mariadb_firewall_rule, azurerm_mssql_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mysql_flexible_server_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_sql_firewall_rule]
# description: >-
#   A server-level firewall rule of Azure SQL, PostgreSQL, MySQL or MariaDB
#   (azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_firewall_rule,
#   azurerm_postgresql_flexible_server_firewall_rule, azurerm_mysql_firewall_rule,
#   azurerm_mysql_flexible_server_firewall_rule, azurerm_mariadb_firewall_rule) spans more than a
#   /8 of the IPv4 space, typically 0.0.0.0-255.255.255.255. The database then accepts
#   connection attempts from almost anyone, leaving only its password between the internet and
#   the data. The 0.0.0.0-0.0.0.0 rule ("allow Azure services") is not reported.
# remediation: >-
#   Replace the rule with the specific client ranges, e.g.
#   `start_ip_address = "203.0.113.10"` and `end_ip_address = "203.0.113.20"`, or disable public
#   access and use private endpoints or VNet integration.
# references:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-firewall-rules
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_firewall_rule
package rampart.azure.database_firewall_open

import data.rampart.cloud.lib

rule_types := {
	"azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule",
	"azurerm_postgresql_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mariadb_firewall_rule",
}

# An IPv4 address as a number.
ip_number(ip) := n if {
	is_string(ip)
	regex.match(`^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$`, ip)
	p := [to_number(x) | some x in split(ip, ".")]
	n := ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3]
}

# More addresses than a /8.
max_size := 16777216

deny contains r if {
	some t in rule_types
	some fr in lib.managed(t)
	v := lib.values(fr)
	size := (ip_number(v.end_ip_address) - ip_number(v.start_ip_address)) + 1
	size > max_size
	r := lib.result(fr, sprintf("%s admits %s-%s, so the database accepts connections from almost any address", [lib.describe(fr), v.start_ip_address, v.end_ip_address]))
}
