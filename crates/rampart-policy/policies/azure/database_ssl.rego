# METADATA
# id: azure-database-ssl-not-enforced
# title: PostgreSQL or MySQL server accepts unencrypted connections
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_mysql_flexible_server_configuration, azurerm_mysql_server, azurerm_postgresql_flexible_server_configuration, azurerm_postgresql_server]
# description: >-
#   An Azure Database for PostgreSQL or MySQL single server (azurerm_postgresql_server,
#   azurerm_mysql_server) sets ssl_enforcement_enabled = false (azurerm 2: ssl_enforcement =
#   "Disabled") or ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled", or a flexible server
#   configuration (azurerm_postgresql_flexible_server_configuration,
#   azurerm_mysql_flexible_server_configuration) sets require_secure_transport to off. Clients may
#   then connect without TLS, exposing credentials and query results on the network.
# remediation: >-
#   Enforce TLS: `ssl_enforcement_enabled = true` and `ssl_minimal_tls_version_enforced = "TLS1_2"`
#   on single servers; on flexible servers keep `require_secure_transport` on (the default) and
#   remove the configuration resource that turns it off.
# references:
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-ssl-tls
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_server
package rampart.azure.database_ssl

import data.rampart.cloud.lib

single_types := {"azurerm_postgresql_server", "azurerm_mysql_server"}

flexible_config_types := {"azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"}

deny contains r if {
	some t in single_types
	some s in lib.managed(t)
	v := lib.values(s)
	lib.is_false(v.ssl_enforcement_enabled)
	r := lib.attr_result(s, v, "ssl_enforcement_enabled", sprintf("%s does not enforce SSL (ssl_enforcement_enabled = false)", [lib.describe(s)]))
}

deny contains r if {
	some t in single_types
	some s in lib.managed(t)
	v := lib.values(s)
	v.ssl_enforcement == "Disabled"
	r := lib.attr_result(s, v, "ssl_enforcement", sprintf("%s does not enforce SSL (ssl_enforcement = \"Disabled\")", [lib.describe(s)]))
}

deny contains r if {
	some t in single_types
	some s in lib.managed(t)
	v := lib.values(s)
	v.ssl_minimal_tls_version_enforced == "TLSEnforcementDisabled"
	not lib.is_false(object.get(v, "ssl_enforcement_enabled", true))
	r := lib.attr_result(s, v, "ssl_minimal_tls_version_enforced", sprintf("%s disables TLS enforcement (ssl_minimal_tls_version_enforced = \"TLSEnforcementDisabled\")", [lib.describe(s)]))
}

deny contains r if {
	some t in flexible_config_types
	some c in lib.managed(t)
	v := lib.values(c)
	v.name == "require_secure_transport"
	is_string(v.value)
	lower(v.value) in {"off", "false", "0"}
	r := lib.attr_result(c, v, "value", sprintf("%s turns require_secure_transport off, so the flexible server accepts unencrypted connections", [lib.describe(c)]))
}
