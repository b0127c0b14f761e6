# METADATA
# id: azure-nsg-admin-ports-public
# title: Network security group opens SSH or RDP to the internet
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
# description: >-
#   An inbound Allow rule (an azurerm_network_security_rule or a security_rule block of an
#   azurerm_network_security_group) with protocol Tcp or * admits source "*", "Internet" or
#   0.0.0.0/0 to port 22 (SSH) or 3389 (RDP), alone, in destination_port_ranges, or inside a
#   range such as "20-30". Remote-administration ports open to the internet are brute-forced and
#   exploited continuously. Rules that open every port are reported by azure-nsg-all-ports-public.
# remediation: >-
#   Remove the rule and administer VMs through Azure Bastion or just-in-time VM access, or restrict
#   `source_address_prefix` to the administrators' range, e.g. `source_address_prefix = "203.0.113.0/24"`.
# references:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#   - https://learn.microsoft.com/en-us/azure/bastion/bastion-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
package rampart.azure.nsg_admin_ports

import data.rampart.azure.lib as az
import data.rampart.cloud.lib

admin_ports := {22: "SSH", 3389: "RDP"}

deny contains r if {
	some [res, sr] in az.nsg_rules
	az.inbound_from_internet(sr)
	not az.all_ports(sr)
	some port, service in admin_ports
	az.opens_tcp_port(sr, port)
	r := lib.attr_result(res, sr, port_key(sr), sprintf("%s allows %s (tcp/%d) from the internet", [az.rule_name(res, sr), service, port]))
}

port_key(sr) := "destination_port_range" if {
	is_string(sr.destination_port_range)
} else := "destination_port_ranges"
