# Helpers shared by the GCP (google provider) Terraform policies. No METADATA block: this module
# is not a policy.
package rampart.gcp.lib

import data.rampart.cloud.lib

# The known strings of list argument `key` of `o` (unknown elements and unknown lists left out).
strings(o, key) := [s | some s in o[key]; is_string(s)] if {
	is_array(o[key])
} else := []

# The known elements of list argument `key` of `o`.
items(o, key) := [x | some x in o[key]; not lib.is_unknown(x)] if {
	is_array(o[key])
} else := []

# Whether list argument `key` of `o` is itself unknown or holds an unknown element.
has_unknown_item(o, key) if lib.is_unknown(o[key])

has_unknown_item(o, key) if {
	is_array(o[key])
	some x in o[key]
	lib.is_unknown(x)
}

# Members that mean "anyone": on the internet, or with any Google account.
public_member(m) if m in {"allUsers", "allAuthenticatedUsers"}

# CIDR ranges that mean "any address".
open_cidr(c) if c in {"0.0.0.0/0", "::/0"}

# `[low, high]` of a port or port range ("22", 22, "1000-2000").
port_bounds(p) := [n, n] if {
	n := lib.number(p)
}

port_bounds(p) := [lo, hi] if {
	is_string(p)
	parts := split(p, "-")
	count(parts) == 2
	lo := lib.number(trim_space(parts[0]))
	hi := lib.number(trim_space(parts[1]))
}

# A firewall `allow` block that opens every port: protocol "all", or a port-carrying protocol
# with no `ports` list (every port of that protocol), or a range spanning 0/1-65535.
allows_all_ports(a) if {
	is_string(a.protocol)
	lower(a.protocol) == "all"
}

allows_all_ports(a) if {
	is_string(a.protocol)
	lower(a.protocol) in {"tcp", "udp", "sctp"}
	not lib.has(a, "ports")
}

allows_all_ports(a) if {
	is_string(a.protocol)
	lower(a.protocol) in {"tcp", "udp", "sctp"}
	is_array(a.ports)
	count(a.ports) == 0
}

allows_all_ports(a) if {
	some p in items(a, "ports")
	b := port_bounds(p)
	b[0] <= 1
	b[1] >= 65535
}

# Whether an `allow` block opens TCP port `port` (or every port).
allows_tcp_port(a, port) if {
	is_string(a.protocol)
	lower(a.protocol) in {"tcp", "all"}
	not lib.has(a, "ports")
}

allows_tcp_port(a, port) if {
	is_string(a.protocol)
	lower(a.protocol) in {"tcp", "all"}
	is_array(a.ports)
	count(a.ports) == 0
}

allows_tcp_port(a, port) if {
	is_string(a.protocol)
	lower(a.protocol) in {"tcp", "all"}
	some p in items(a, "ports")
	b := port_bounds(p)
	b[0] <= port
	port <= b[1]
}

# A google_compute_firewall that admits traffic from the whole internet: ingress (the default
# direction), not disabled, with 0.0.0.0/0 or ::/0 among its source ranges.
open_ingress_firewall(r) if {
	v := lib.values(r)
	direction := lib.get(v, "direction", "INGRESS")
	is_string(direction)
	upper(direction) == "INGRESS"
	not lib.is_true(lib.get(v, "disabled", false))
	not lib.is_unknown(object.get(v, "direction", "INGRESS"))
	not lib.is_unknown(object.get(v, "disabled", false))
	some c in strings(v, "source_ranges")
	open_cidr(c)
}

# Compute instances and instance templates (the same arguments for what a VM looks like).
instance_types := {"google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"}

instances := {r | some t in instance_types; some r in lib.managed(t)}

# Value of metadata key `k` of a VM: known metadata map, key present.
metadata_value(v, k) := m[k] if {
	m := v.metadata
	is_object(m)
	not lib.is_unknown(m)
}

# A metadata flag GCE reads as on ("TRUE", "true", "1", true).
flag_on(x) if lib.is_true(x)

flag_on(x) if x == "1"

flag_on(x) if x == 1

flag_off(x) if lib.is_false(x)

flag_off(x) if x == "0"

flag_off(x) if x == 0

# GKE node configurations of a google_container_cluster (default pool and inline pools) or a
# google_container_node_pool, as [owner block, node_config block].
node_configs(r) := [nc | some nc in lib.blocks(lib.values(r), "node_config")]

inline_pool_node_configs(r) := [nc |
	some p in lib.blocks(lib.values(r), "node_pool")
	some nc in lib.blocks(p, "node_config")
]

# A finding on nested block `b` of resource `r` (the block's own lines).
block_result(r, b, msg) := {
	"msg": msg,
	"file": object.get(r, "file", null),
	"line": object.get(b, "__line__", object.get(r, "__line__", null)),
	"end_line": object.get(b, "__end_line__", object.get(r, "__end_line__", null)),
}
