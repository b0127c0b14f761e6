# METADATA
# id: compose-privileged-service
# title: Compose service runs privileged
# severity: critical
# kinds: [compose]
# description: >-
#   A service sets `privileged: true`. Docker then gives the container every Linux capability,
#   access to all host devices and no seccomp or AppArmor confinement, so a process in it can
#   take over the host (load kernel modules, mount the host disk). Critical because one
#   compromised service owns the Docker host and every other container on it.
# remediation: >-
#   Remove `privileged: true` and grant only what the service needs, e.g.
#   `cap_drop: [ALL]` with `cap_add: [NET_BIND_SERVICE]`, or a single `devices:` entry.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#privileged
#   - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
package rampart.compose.privileged

import data.rampart.compose.lib

deny contains r if {
	some name, svc in lib.services
	lib.is_true(object.get(svc, "privileged", false))
	r := lib.result(svc, sprintf("service %q runs privileged (privileged: true)", [name]))
}
