package rampart.azure.nsg_admin_ports

import data.rampart.azure.testlib as t

rule(line, extra) := t.blk(line, object.union({
	"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_port_range": "*", "destination_address_prefix": "*",
}, extra))

test_ssh_rdp_from_internet_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_network_security_group", "web", 1, {"name": "web-nsg", "security_rule": [
			rule(5, {"name": "ssh", "source_address_prefix": "*", "destination_port_range": "22", "__spans__": {"destination_port_range": [12, 12]}}),
			rule(20, {"name": "https", "source_address_prefix": "*", "destination_port_range": "443"}),
		]}),
		t.res("azurerm_network_security_rule", "rdp", 40, object.union(rule(40, {"source_address_prefix": "Internet", "destination_port_ranges": ["443", "3000-3400"]}), {"__spans__": {"destination_port_ranges": [48, 48]}})),
		t.res("azurerm_network_security_rule", "both", 60, object.union(rule(60, {"protocol": "*", "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"], "destination_port_ranges": ["22", "3389"]}), {"__spans__": {"destination_port_ranges": [68, 68]}})),
	])
	count(r) == 4
	{x.line | some x in r} == {12, 48, 68}
	some x in r
	contains(x.msg, "rule ssh")
}

test_restricted_rules_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_network_security_group", "web", 1, {"name": "web-nsg", "security_rule": [
			rule(5, {"name": "ssh", "source_address_prefix": "203.0.113.0/24", "destination_port_range": "22"}),
			rule(20, {"name": "deny", "access": "Deny", "source_address_prefix": "*", "destination_port_range": "22"}),
			rule(30, {"name": "out", "direction": "Outbound", "source_address_prefix": "*", "destination_port_range": "22"}),
			rule(40, {"name": "lb", "source_address_prefix": "AzureLoadBalancer", "destination_port_range": "3389"}),
			rule(50, {"name": "udp", "protocol": "Udp", "source_address_prefix": "*", "destination_port_range": "3389"}),
			rule(60, {"name": "var", "source_address_prefix": t.unknown("var.admin_cidr", []), "destination_port_range": "22"}),
			rule(70, {"name": "dir", "direction": t.unknown("var.direction", []), "protocol": t.unknown("var.protocol", []), "source_address_prefix": "*", "destination_port_range": "22"}),
			rule(80, {"name": "proto", "protocol": t.unknown("var.protocol", []), "source_address_prefix": "*", "destination_port_ranges": t.unknown("var.ports", [])}),
		]}),
		t.res("azurerm_network_security_rule", "bastion", 100, rule(100, {"source_address_prefix": "VirtualNetwork", "destination_port_ranges": ["22", "3389"]})),
	])
}
