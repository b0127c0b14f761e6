# METADATA
# id: gcp-compute-instance-public-ip
# title: Compute instance has an external IP address
# severity: medium
# kinds: [terraform]
# resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
# description: >-
#   A google_compute_instance or instance template has an access_config block in a
#   network_interface, which gives the VM an external (public) IPv4 address. Every port that a
#   firewall rule opens is then reachable from the internet, and the VM can reach the internet
#   directly, bypassing egress controls. VMs should sit on private addresses behind a load
#   balancer, with Cloud NAT for outbound traffic and IAP for administration.
# remediation: >-
#   Remove the `access_config {}` block from the `network_interface`, put the service behind a
#   load balancer, use a google_compute_router_nat for outbound access and IAP TCP forwarding for
#   SSH. Enforce it with the organization policy `constraints/compute.vmExternalIpAccess`.
# references:
#   - https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address
#   - https://cloud.google.com/nat/docs/overview
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance
# frameworks: [CIS-GCP-4.9]
package rampart.gcp.instance_public_ip

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

deny contains r if {
	some vm in gcp.instances
	some ni in lib.blocks(lib.values(vm), "network_interface")
	some ac in lib.blocks(ni, "access_config")
	r := gcp.block_result(vm, ac, sprintf("%s has an external IP address (access_config in network_interface)", [lib.describe(vm)]))
}
