# METADATA
# id: gcp-firewall-all-ports-public
# title: Firewall rule opens every port to the internet
# severity: high
# kinds: [terraform]
# resource_types: [google_compute_firewall]
# description: >-
#   A google_compute_firewall ingress rule admits traffic from 0.0.0.0/0 or ::/0 with protocol
#   "all", or with tcp/udp/sctp and no port list, or with a port range covering 1-65535. Every
#   service on the targeted instances, including databases, admin interfaces and debugging
#   endpoints never meant to be exposed, becomes reachable from anywhere.
# remediation: >-
#   Allow only the ports the service needs from the internet, and internal ports only from the
#   VPC's ranges: `allow { protocol = "tcp" ports = ["443"] }` with
#   `source_ranges = ["0.0.0.0/0"]` and `target_tags = ["https-server"]`.
# references:
#   - https://cloud.google.com/firewall/docs/firewalls
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
package rampart.gcp.firewall_all_ports

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

deny contains r if {
	some fw in lib.managed("google_compute_firewall")
	gcp.open_ingress_firewall(fw)
	some a in lib.blocks(lib.values(fw), "allow")
	gcp.allows_all_ports(a)
	r := lib.attr_result(fw, a, "protocol", sprintf("%s allows %s from the whole internet", [lib.describe(fw), what(a)]))
}

what(a) := "every protocol and port" if {
	is_string(a.protocol)
	lower(a.protocol) == "all"
} else := sprintf("every %s port", [a.protocol])
