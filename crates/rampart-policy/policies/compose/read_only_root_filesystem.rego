# METADATA
# id: compose-read-only-root-filesystem
# title: Compose service has a writable root filesystem
# severity: low
# kinds: [compose]
# description: >-
#   A service does not set `read_only: true`, so its container's root filesystem is writable. An
#   attacker who gets code execution can then drop tools, modify the application's code or
#   configuration, and persist until the container is recreated. A read-only root filesystem with
#   explicit writable mounts for data and scratch space limits that. Low: it hardens the
#   container rather than closing a direct hole. Values set by interpolation are not reported.
# remediation: >-
#   Set `read_only: true` and give the service the writable paths it needs explicitly:
#   `tmpfs: [/tmp, /run]` and named volumes for its data (`- appdata:/var/lib/app`).
# references:
#   - https://docs.docker.com/reference/compose-file/services/#read_only
#   - https://docs.docker.com/reference/compose-file/services/#tmpfs
package rampart.compose.read_only_root_filesystem

import data.rampart.compose.lib

undecided(svc) if lib.interpolated(object.get(svc, "read_only", null))

deny contains r if {
	some name, svc in lib.services
	not lib.is_true(object.get(svc, "read_only", false))
	not undecided(svc)
	r := lib.result(svc, sprintf("service %q does not set read_only: true, so its root filesystem is writable", [name]))
}
