# METADATA
# id: azure-sql-server-weak-tls
# title: Azure SQL server accepts TLS older than 1.2
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_mssql_server, azurerm_sql_server]
# description: >-
#   An azurerm_mssql_server sets minimum_tls_version to "1.0", "1.1" or "Disabled", so clients
#   can connect with deprecated TLS versions (or, with "Disabled", any version). These versions
#   have known weaknesses and are being retired by Azure. The provider default is "1.2".
# remediation: >-
#   Require TLS 1.2: `minimum_tls_version = "1.2"` (the default; remove the override once old
#   clients are upgraded).
# references:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimum-tls-version
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
package rampart.azure.sql_min_tls

import data.rampart.cloud.lib

deny contains r if {
	some t in {"azurerm_mssql_server", "azurerm_sql_server"}
	some s in lib.managed(t)
	v := lib.values(s)
	v.minimum_tls_version in {"1.0", "1.1", "Disabled"}
	r := lib.attr_result(s, v, "minimum_tls_version", sprintf("%s accepts TLS older than 1.2 (minimum_tls_version = %q)", [lib.describe(s), v.minimum_tls_version]))
}
