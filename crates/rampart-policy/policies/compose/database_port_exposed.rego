# METADATA
# id: compose-database-port-exposed
# title: Compose service publishes a database or admin port on all interfaces
# severity: medium
# kinds: [compose]
# description: >-
#   A service publishes a database, cache, search, message-broker management or
#   infrastructure-API port (PostgreSQL 5432, MySQL 3306, MongoDB 27017, Redis 6379,
#   Elasticsearch 9200, the Docker API 2375, etcd 2379, ...) without a host IP (`"5432:5432"`,
#   `"5432"`, or `0.0.0.0`), so Docker binds it on every interface of the host and, because it
#   writes its own iptables rules, usually past the host firewall. Such services are meant to be
#   reached only by other containers; exposing them invites brute force and exploitation of
#   unauthenticated defaults. Ports bound to a specific address (`127.0.0.1:5432:5432`) are not
#   reported.
# remediation: >-
#   Let other services reach it over the Compose network and drop the `ports:` entry, or bind it
#   to loopback for local tools: `ports: ["127.0.0.1:5432:5432"]` (long syntax: `host_ip: 127.0.0.1`).
# references:
#   - https://docs.docker.com/reference/compose-file/services/#ports
#   - https://docs.docker.com/engine/network/packet-filtering-firewalls/
package rampart.compose.database_port_exposed

import data.rampart.compose.lib

sensitive_ports := {
	1433: "SQL Server", 1521: "Oracle", 2375: "Docker API", 2376: "Docker API (TLS)",
	2379: "etcd", 2380: "etcd peer", 3306: "MySQL", 5432: "PostgreSQL", 5984: "CouchDB",
	6379: "Redis", 7474: "Neo4j", 7687: "Neo4j Bolt", 8086: "InfluxDB", 8091: "Couchbase",
	8123: "ClickHouse HTTP", 8529: "ArangoDB", 9042: "Cassandra", 9200: "Elasticsearch",
	9300: "Elasticsearch transport", 10250: "kubelet", 11211: "Memcached", 15672: "RabbitMQ management",
	26257: "CockroachDB", 27017: "MongoDB", 27018: "MongoDB", 27019: "MongoDB", 28015: "RethinkDB",
	33060: "MySQL X",
}

# Interpolations replaced by a marker, so `${A:-x}` does not break the `:` split.
without_vars(s) := regex.replace(regex.replace(s, `\$\{[^}]*\}`, "@VAR@"), `\$[A-Za-z_][A-Za-z0-9_]*`, "@VAR@")

# A port entry as {"ip", "container"}; ip "" when none is given.
binding(p) := {"ip": "", "container": sprintf("%d", [p])} if is_number(p)

binding(p) := {"ip": ip, "container": container} if {
	is_string(p)
	s := split(without_vars(trim_space(p)), "/")[0]
	parts := split(s, ":")
	n := count(parts)
	container := parts[n - 1]
	ip := host_ip(parts, n)
}

binding(p) := {"ip": lib.text(object.get(p, "host_ip", "")), "container": lib.text(p.target)} if is_object(p)

host_ip(parts, n) := "" if n < 3

host_ip(parts, n) := trim(concat(":", array.slice(parts, 0, n - 2)), "[]") if n >= 3

all_interfaces(ip) if ip in {"", "0.0.0.0", "::", "*"}

# Ports of a container port or range (`5432`, `5432-5440`).
ports_of(spec) := {to_number(spec)} if regex.match(`^[0-9]+$`, spec)

ports_of(spec) := numbers.range(to_number(lo), to_number(hi)) if {
	regex.match(`^[0-9]+-[0-9]+$`, spec)
	[lo, hi] := split(spec, "-")
	to_number(hi) - to_number(lo) < 1000
}

describe(p) := p if is_string(p)

describe(p) := sprintf("%v", [p]) if is_number(p)

describe(p) := sprintf("target %v", [p.target]) if is_object(p)

deny contains r if {
	some name, svc in lib.services
	some p in lib.arr(svc, "ports")
	b := binding(p)
	not contains(b.ip, "@VAR@")
	all_interfaces(b.ip)
	some port in ports_of(b.container)
	what := sensitive_ports[port]
	r := lib.result(at(p, svc), sprintf("service %q publishes the %s port %d on all host interfaces (%s)", [name, what, port, describe(p)]))
}

# Long-syntax entries carry their own lines; short ones point at the service.
at(p, svc) := p if is_object(p)

at(p, svc) := svc if not is_object(p)
