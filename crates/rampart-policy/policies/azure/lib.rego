# Helpers shared by the Azure (azurerm provider) Terraform policies. No METADATA block: this
# module is not a policy.
package rampart.azure.lib

import data.rampart.cloud.lib

# The known strings of list argument `key` of `o` (unknown elements and unknown lists left out).
strings(o, key) := [s | some s in o[key]; is_string(s)] if {
	is_array(o[key])
} else := []

# Source prefixes that mean "any address on the internet" in an NSG rule.
internet_source(s) if {
	is_string(s)
	lower(s) in {"*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0"}
}

# NSG rules as [resource, rule]: inline security_rule blocks of azurerm_network_security_group
# and azurerm_network_security_rule resources.
nsg_rules contains [nsg, sr] if {
	some nsg in lib.managed("azurerm_network_security_group")
	some sr in lib.blocks(lib.values(nsg), "security_rule")
}

nsg_rules contains [r, lib.values(r)] if some r in lib.managed("azurerm_network_security_rule")

# An inbound Allow rule whose source is the internet.
inbound_from_internet(sr) if {
	is_string(sr.direction)
	is_string(sr.access)
	lower(sr.direction) == "inbound"
	lower(sr.access) == "allow"
	some s in sources(sr)
	internet_source(s)
}

sources(sr) := array.concat([s | s := sr.source_address_prefix; is_string(s)], strings(sr, "source_address_prefixes"))

port_specs(sr) := array.concat([p | p := sr.destination_port_range; is_string(p)], strings(sr, "destination_port_ranges"))

# `[low, high]` of an NSG port spec: "*", "22", "1000-2000".
port_bounds(p) := [0, 65535] if p == "*"

port_bounds(p) := [n, n] if {
	n := lib.number(p)
}

port_bounds(p) := [lo, hi] if {
	parts := split(p, "-")
	count(parts) == 2
	lo := lib.number(trim_space(parts[0]))
	hi := lib.number(trim_space(parts[1]))
}

# A rule that opens every destination port.
all_ports(sr) if {
	some p in port_specs(sr)
	b := port_bounds(p)
	b[0] <= 1
	b[1] >= 65535
}

# A rule that opens TCP port `port`.
opens_tcp_port(sr, port) if {
	is_string(sr.protocol)
	lower(sr.protocol) in {"tcp", "*"}
	some p in port_specs(sr)
	b := port_bounds(p)
	b[0] <= port
	port <= b[1]
}

# A name for a rule in messages.
rule_name(r, sr) := sprintf("%s (rule %s)", [lib.describe(r), sr.name]) if {
	r.type == "azurerm_network_security_group"
	is_string(sr.name)
} else := lib.describe(r)

# A finding on nested block `b` of resource `r` (the block's own lines).
block_result(r, b, msg) := {
	"msg": msg,
	"file": object.get(r, "file", null),
	"line": object.get(b, "__line__", object.get(r, "__line__", null)),
	"end_line": object.get(b, "__end_line__", object.get(r, "__end_line__", null)),
}

# App Service and Function App resources, legacy and current.
app_types := {
	"azurerm_app_service", "azurerm_app_service_slot",
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_function_app", "azurerm_function_app_slot",
	"azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
}

apps := {r | some t in app_types; some r in lib.managed(t)}
