# METADATA
# id: compose-missing-memory-limit
# title: Compose service has no memory limit
# severity: low
# kinds: [compose]
# description: >-
#   A service sets neither `mem_limit` nor `deploy.resources.limits.memory`, so its container may
#   use all of the host's memory. A leak, a traffic spike or a deliberate memory-exhaustion
#   attack against one service can then make the kernel kill other containers or the Docker
#   daemon itself. Low: it affects availability, not confidentiality.
# remediation: >-
#   Set a limit that fits the service: `deploy: {resources: {limits: {memory: 512M}}}`
#   (or `mem_limit: 512m`), and monitor usage to tune it.
# references:
#   - https://docs.docker.com/reference/compose-file/deploy/#resources
#   - https://docs.docker.com/reference/compose-file/services/#mem_limit
#   - https://docs.docker.com/engine/containers/resource_constraints/
package rampart.compose.missing_memory_limit

import data.rampart.compose.lib

# A limit that is set (a value of 0 means no limit to Docker).
limit_set(v) if {
	lib.interpolated(v)
}

limit_set(v) if {
	t := lib.literal(v)
	not trim_space(t) in {"", "0", "-1"}
}

has_limit(svc) if limit_set(object.get(svc, "mem_limit", null))

has_limit(svc) if {
	limits := lib.obj(lib.obj(lib.obj(svc, "deploy"), "resources"), "limits")
	limit_set(object.get(limits, "memory", null))
}

deny contains r if {
	some name, svc in lib.services
	not has_limit(svc)
	r := lib.result(svc, sprintf("service %q has no memory limit (mem_limit or deploy.resources.limits.memory)", [name]))
}
