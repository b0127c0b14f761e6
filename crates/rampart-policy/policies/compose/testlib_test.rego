# Input builders for the Compose policy tests (no test_ rules here).
package rampart.compose.testlib

# A Compose document with the given services; each service gets lines from its position.
compose(services) := {
	"kind": "compose", "__line__": 1, "__end_line__": 99,
	"services": object.union({"__line__": 2, "__end_line__": 98}, services),
}

# A service mapping starting at `line` with the given keys.
service(line, keys) := object.union({"__line__": line, "__end_line__": line + 9}, keys)

# A service that satisfies every Compose policy, with overrides merged in (a key in `extra`
# replaces the whole field).
hardened(line, extra) := object.union(service(line, {
	"image": "registry.example.com/shop/api:1.8.2",
	"user": "10001:10001",
	"read_only": true,
	"mem_limit": "512m",
	"cap_drop": ["ALL"],
	"security_opt": ["no-new-privileges:true"],
	"environment": {"__line__": line + 5, "__end_line__": line + 6, "LOG_LEVEL": "info", "DB_PASSWORD_FILE": "/run/secrets/db_password"},
	"ports": ["127.0.0.1:8080:8080"],
}), extra)
