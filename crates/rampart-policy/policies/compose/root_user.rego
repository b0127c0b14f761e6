# METADATA
# id: compose-root-user
# title: Compose service runs as root explicitly
# severity: medium
# kinds: [compose]
# description: >-
#   A service sets `user: root` or `user: 0` (with any group), overriding whatever unprivileged
#   user the image defines. A process running as root in the container can modify the whole
#   container filesystem and is one kernel or runtime flaw away from root on the host; with any
#   extra capability or mount it usually is root on the host.
# remediation: >-
#   Run as an unprivileged user, e.g. `user: "10001:10001"` (create that user in the image), and
#   fix file ownership in the image or a named volume instead of running as root.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#user
#   - https://docs.docker.com/engine/security/#linux-kernel-capabilities
package rampart.compose.root_user

import data.rampart.compose.lib

deny contains r if {
	some name, svc in lib.services
	user := lib.literal(object.get(svc, "user", null))
	lower(trim_space(split(user, ":")[0])) in {"root", "0"}
	r := lib.result(svc, sprintf("service %q runs as root (user: %s)", [name, user]))
}
