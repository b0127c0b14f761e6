package rampart.azure.nsg_all_ports

import data.rampart.azure.testlib as t

rule(line, extra) := t.blk(line, object.union({
	"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "*",
	"source_port_range": "*", "destination_address_prefix": "*",
}, extra))

test_all_ports_from_internet_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_network_security_group", "web", 1, {"name": "web-nsg", "security_rule": [
			rule(5, {"name": "any", "source_address_prefix": "*", "destination_port_range": "*", "__spans__": {"destination_port_range": [12, 12]}}),
		]}),
		t.res("azurerm_network_security_rule", "wide", 40, object.union(rule(40, {"protocol": "Tcp", "source_address_prefix": "Internet", "destination_port_range": "0-65535"}), {"__spans__": {"destination_port_range": [48, 48]}})),
	])
	count(r) == 2
	{x.line | some x in r} == {12, 48}
}

test_specific_ports_or_internal_sources_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_network_security_group", "web", 1, {"name": "web-nsg", "security_rule": [
			rule(5, {"name": "web", "source_address_prefix": "*", "destination_port_ranges": ["80", "443"]}),
			rule(20, {"name": "vnet", "source_address_prefix": "VirtualNetwork", "destination_port_range": "*"}),
			rule(30, {"name": "deny-all", "access": "Deny", "priority": 4096, "source_address_prefix": "*", "destination_port_range": "*"}),
		]}),
	])
}
