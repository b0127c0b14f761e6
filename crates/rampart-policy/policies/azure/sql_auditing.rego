# METADATA
# id: azure-sql-server-auditing-disabled
# title: Azure SQL server without auditing
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_mssql_server, azurerm_mssql_server_extended_auditing_policy, azurerm_sql_server]
# description: >-
#   An azurerm_mssql_server (or azurerm_sql_server) has no server-level auditing: no
#   azurerm_mssql_server_extended_auditing_policy in the module refers to it (or the one that does
#   sets enabled = false), and it has no inline extended_auditing_policy block (azurerm 3 and
#   earlier). Without auditing, logins, permission changes and data access on every database of
#   the server go unrecorded, so misuse cannot be detected or investigated.
# remediation: >-
#   Add a server auditing policy that sends events to Log Analytics or a storage account:
#   `resource "azurerm_mssql_server_extended_auditing_policy" "main" { server_id = azurerm_mssql_server.main.id log_monitoring_enabled = true }`
#   with an azurerm_monitor_diagnostic_setting for the master database, or `storage_endpoint`
#   and `retention_in_days = 90`.
# references:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_extended_auditing_policy
package rampart.azure.sql_auditing

import data.rampart.cloud.lib

server_types := {"azurerm_mssql_server", "azurerm_sql_server"}

policies := lib.managed("azurerm_mssql_server_extended_auditing_policy")

audited(s) if {
	some p in policies
	v := lib.values(p)
	lib.refers_to(v.server_id, s)
	not lib.is_false(object.get(v, "enabled", true))
}

audited(s) if {
	some b in lib.blocks(lib.values(s), "extended_auditing_policy")
	not lib.is_false(object.get(b, "enabled", true))
}

# A policy whose server we cannot tell (an id from a variable): it may be this server's.
undecided if {
	some p in policies
	v := lib.values(p)
	lib.is_unknown(v.server_id)
	count(object.get(v.server_id, "__refs__", [])) == 0
}

deny contains r if {
	some t in server_types
	some s in lib.managed(t)
	not audited(s)
	not undecided
	not lib.is_unknown(object.get(lib.values(s), "extended_auditing_policy", []))
	r := lib.result(s, sprintf("%s has no enabled server auditing policy", [lib.describe(s)]))
}
