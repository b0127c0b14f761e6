# METADATA
# id: gcp-sql-ssl-not-required
# title: Cloud SQL instance accepts unencrypted connections
# severity: high
# kinds: [terraform]
# resource_types: [google_sql_database_instance]
# description: >-
#   A google_sql_database_instance neither sets ip_configuration.ssl_mode to ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED nor require_ssl to true (the older argument), so clients
#   may connect without TLS. Credentials and query results then cross the network in clear text
#   and can be read or altered by anyone on the path. The default allows unencrypted connections.
# remediation: >-
#   Require encrypted connections in `settings { ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } }`
#   (or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` to also require client certificates; with provider
#   versions before 5, `require_ssl = true`).
# references:
#   - https://cloud.google.com/sql/docs/postgres/configure-ssl-instance
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
# frameworks: [CIS-GCP-6.4]
package rampart.gcp.sql_ssl_not_required

import data.rampart.cloud.lib

encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

enforced(ip) if lib.is_true(ip.require_ssl)

enforced(ip) if ip.ssl_mode in encrypted_modes

undecided(ip) if lib.is_unknown(ip.require_ssl)

undecided(ip) if lib.is_unknown(ip.ssl_mode)

deny contains r if {
	some db in lib.managed("google_sql_database_instance")
	some s in lib.blocks(lib.values(db), "settings")
	not lib.has(s, "ip_configuration")
	r := lib.result(db, sprintf("%s does not require SSL/TLS for client connections (no ip_configuration.ssl_mode)", [lib.describe(db)]))
}

deny contains r if {
	some db in lib.managed("google_sql_database_instance")
	some s in lib.blocks(lib.values(db), "settings")
	some ip in lib.blocks(s, "ip_configuration")
	not enforced(ip)
	not undecided(ip)
	r := lib.attr_result(db, ip, key(ip), sprintf("%s does not require SSL/TLS for client connections (ssl_mode %s)", [lib.describe(db), object.get(ip, "ssl_mode", "not set")]))
}

key(ip) := "ssl_mode" if {
	lib.has(ip, "ssl_mode")
} else := "require_ssl"
