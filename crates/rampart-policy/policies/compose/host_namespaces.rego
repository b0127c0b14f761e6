# METADATA
# id: compose-host-namespaces
# title: Compose service shares a host namespace
# severity: high
# kinds: [compose]
# description: >-
#   A service sets `network_mode: host`, `pid: host` or `ipc: host`, so the container shares that
#   namespace with the Docker host. With the host network it can bind any host port and reach
#   services listening only on localhost; with the host PID namespace it sees (and, as root, can
#   signal or trace) every process on the host; with the host IPC namespace it can read the
#   shared memory of host processes. Each removes a layer of isolation between the container and
#   the host.
# remediation: >-
#   Remove `network_mode: host` and publish the ports the service needs (`ports: ["127.0.0.1:8080:8080"]`)
#   on a user-defined network; remove `pid: host` and `ipc: host` (or share with one named
#   service, `pid: "service:app"`, when that is really needed).
# references:
#   - https://docs.docker.com/reference/compose-file/services/#network_mode
#   - https://docs.docker.com/reference/compose-file/services/#pid
#   - https://docs.docker.com/reference/compose-file/services/#ipc
#   - https://docs.docker.com/engine/network/drivers/host/
package rampart.compose.host_namespaces

import data.rampart.compose.lib

deny contains r if {
	some name, svc in lib.services
	some field in ["network_mode", "pid", "ipc"]
	value := object.get(svc, field, "")
	is_string(value)
	lower(trim_space(value)) == "host"
	r := lib.result(svc, sprintf("service %q sets %s: host and shares the host's namespace", [name, field]))
}
