# METADATA
# id: gcp-firewall-admin-ports-public
# title: Firewall rule opens SSH or RDP to the internet
# severity: high
# kinds: [terraform]
# resource_types: [google_compute_firewall]
# description: >-
#   A google_compute_firewall ingress rule allows TCP port 22 (SSH) or 3389 (RDP) from 0.0.0.0/0
#   or ::/0, either listed alone or inside a port range. Remote-administration ports reachable from
#   anywhere are scanned continuously and attacked with stolen or guessed credentials and exploits
#   for the daemons behind them. Rules that open every port are reported by
#   gcp-firewall-all-ports-public instead.
# remediation: >-
#   Restrict `source_ranges` to the addresses that administer the VMs, or better, reach them through
#   Identity-Aware Proxy TCP forwarding and allow only its range:
#   `source_ranges = ["35.235.240.0/20"]` with `allow { protocol = "tcp" ports = ["22"] }`.
# references:
#   - https://cloud.google.com/firewall/docs/firewalls
#   - https://cloud.google.com/iap/docs/using-tcp-forwarding
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
# frameworks: [CIS-GCP-3.6, CIS-GCP-3.7]
package rampart.gcp.firewall_admin_ports

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

admin_ports := {22: "SSH", 3389: "RDP"}

deny contains r if {
	some fw in lib.managed("google_compute_firewall")
	gcp.open_ingress_firewall(fw)
	some a in lib.blocks(lib.values(fw), "allow")
	not gcp.allows_all_ports(a)
	some port, service in admin_ports
	gcp.allows_tcp_port(a, port)
	r := lib.attr_result(fw, a, "ports", sprintf("%s allows %s (tcp/%d) from the whole internet", [lib.describe(fw), service, port]))
}
