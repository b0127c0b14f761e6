# METADATA
# id: azure-database-weak-tls
# title: PostgreSQL or MySQL server accepts TLS versions below 1.2
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_mysql_flexible_server_configuration, azurerm_mysql_server, azurerm_postgresql_flexible_server_configuration, azurerm_postgresql_server]
# description: >-
#   An Azure Database for PostgreSQL or MySQL single server (azurerm_postgresql_server,
#   azurerm_mysql_server) sets ssl_minimal_tls_version_enforced to TLS1_0 or TLS1_1, or a
#   flexible server configuration lowers the minimum protocol (PostgreSQL ssl_min_protocol_version
#   TLSv1 or TLSv1.1; MySQL tls_version listing TLSv1 or TLSv1.1). TLS 1.0 and 1.1 are deprecated
#   (RFC 8996) and lack modern cipher suites, so clients can be downgraded to weak encryption.
#   Disabling TLS altogether is reported by azure-database-ssl-not-enforced.
# remediation: >-
#   Require TLS 1.2 or later: `ssl_minimal_tls_version_enforced = "TLS1_2"` on single servers;
#   on flexible servers remove the configuration resource that lowers the minimum, or set
#   `name = "ssl_min_protocol_version"` / `value = "TLSv1.2"` (PostgreSQL) and
#   `name = "tls_version"` / `value = "TLSv1.2,TLSv1.3"` (MySQL).
# references:
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-ssl-tls
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_server#ssl_minimal_tls_version_enforced
package rampart.azure.database_weak_tls

import data.rampart.cloud.lib

single_types := {"azurerm_postgresql_server", "azurerm_mysql_server"}

old_single := {"TLS1_0", "TLS1_1"}

old_protocols := {"tlsv1", "tlsv1.0", "tlsv1.1"}

deny contains r if {
	some t in single_types
	some s in lib.managed(t)
	v := lib.values(s)
	is_string(v.ssl_minimal_tls_version_enforced)
	upper(v.ssl_minimal_tls_version_enforced) in old_single
	r := lib.attr_result(s, v, "ssl_minimal_tls_version_enforced", sprintf("%s accepts TLS versions below 1.2 (ssl_minimal_tls_version_enforced = \"%s\")", [lib.describe(s), v.ssl_minimal_tls_version_enforced]))
}

deny contains r if {
	some c in lib.managed("azurerm_postgresql_flexible_server_configuration")
	v := lib.values(c)
	v.name == "ssl_min_protocol_version"
	is_string(v.value)
	lower(trim_space(v.value)) in old_protocols
	r := lib.attr_result(c, v, "value", sprintf("%s lowers the flexible server's minimum TLS version to %s", [lib.describe(c), v.value]))
}

deny contains r if {
	some c in lib.managed("azurerm_mysql_flexible_server_configuration")
	v := lib.values(c)
	v.name == "tls_version"
	is_string(v.value)
	old := [p | some p in split(v.value, ","); lower(trim_space(p)) in old_protocols]
	count(old) > 0
	r := lib.attr_result(c, v, "value", sprintf("%s lets the flexible server accept %s (tls_version = \"%s\")", [lib.describe(c), concat(", ", [trim_space(p) | some p in old]), v.value]))
}
