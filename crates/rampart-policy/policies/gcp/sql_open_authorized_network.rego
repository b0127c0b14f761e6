# METADATA
# id: gcp-sql-open-to-internet
# title: Cloud SQL instance accepts connections from any address
# severity: critical
# kinds: [terraform]
# resource_types: [google_sql_database_instance]
# description: >-
#   A google_sql_database_instance has an authorized_networks entry of 0.0.0.0/0 (or ::/0) in
#   settings.ip_configuration, so its public IP accepts database connections from the whole
#   internet. The database is then one weak or leaked password, or one authentication bypass
#   vulnerability, away from a full data breach, and is brute-forced continuously.
# remediation: >-
#   Remove the open entry and use private IP (`ipv4_enabled = false` with `private_network`), or
#   connect through the Cloud SQL Auth Proxy / connectors, which need no authorized network; if a
#   public IP is unavoidable, list only the specific client ranges in `authorized_networks`.
# references:
#   - https://cloud.google.com/sql/docs/mysql/authorize-networks
#   - https://cloud.google.com/sql/docs/postgres/configure-private-ip
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
# frameworks: [CIS-GCP-6.5]
package rampart.gcp.sql_open_authorized_network

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

deny contains r if {
	some db in lib.managed("google_sql_database_instance")
	some s in lib.blocks(lib.values(db), "settings")
	some ip in lib.blocks(s, "ip_configuration")
	some an in lib.blocks(ip, "authorized_networks")
	gcp.open_cidr(an.value)
	r := lib.attr_result(db, an, "value", sprintf("%s authorizes %s, so its public IP accepts connections from anywhere", [lib.describe(db), an.value]))
}
