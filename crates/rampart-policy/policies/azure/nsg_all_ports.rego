# METADATA
# id: azure-nsg-all-ports-public
# title: Network security group opens every port to the internet
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
# description: >-
#   An inbound Allow rule (an azurerm_network_security_rule or a security_rule block of an
#   azurerm_network_security_group) admits source "*", "Internet" or 0.0.0.0/0 to every
#   destination port ("*" or a range covering 1-65535). Every service on the subnet or NIC, such
#   as databases, management agents and debug endpoints, becomes reachable from the internet.
# remediation: >-
#   Allow only the ports the service must expose, e.g. `destination_port_ranges = ["80", "443"]`
#   from the internet, and keep other ports reachable only from `VirtualNetwork` or specific ranges.
# references:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group
package rampart.azure.nsg_all_ports

import data.rampart.azure.lib as az
import data.rampart.cloud.lib

deny contains r if {
	some [res, sr] in az.nsg_rules
	az.inbound_from_internet(sr)
	az.all_ports(sr)
	r := lib.attr_result(res, sr, port_key(sr), sprintf("%s allows every port (protocol %s) from the internet", [az.rule_name(res, sr), object.get(sr, "protocol", "*")]))
}

port_key(sr) := "destination_port_range" if {
	is_string(sr.destination_port_range)
} else := "destination_port_ranges"
