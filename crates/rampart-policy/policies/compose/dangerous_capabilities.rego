# METADATA
# id: compose-dangerous-capabilities
# title: Compose service adds a dangerous capability
# severity: high
# kinds: [compose]
# description: >-
#   A service's `cap_add` grants a Linux capability outside Docker's default set that gives
#   control over the host or other processes: ALL, SYS_ADMIN (mount, namespaces, most of root),
#   NET_ADMIN (firewall and routing), SYS_PTRACE (read and inject into other processes),
#   SYS_MODULE (load kernel modules), SYS_RAWIO, DAC_READ_SEARCH (read any file, a known escape
#   path), BPF, PERFMON, SYS_BOOT, SYS_TIME, MAC_ADMIN, MAC_OVERRIDE and similar. Each of these
#   is a well-known step from a compromised container to the host.
# remediation: >-
#   Drop every capability and add back only the harmless ones the service needs:
#   `cap_drop: [ALL]` and, say, `cap_add: [NET_BIND_SERVICE]`. Move work that needs host
#   administration out of the application container.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#cap_add
#   - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
#   - https://man7.org/linux/man-pages/man7/capabilities.7.html
package rampart.compose.dangerous_capabilities

import data.rampart.compose.lib

dangerous := {
	"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH",
	"BPF", "PERFMON", "SYS_BOOT", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG",
	"SYS_RESOURCE", "LINUX_IMMUTABLE", "IPC_OWNER", "SYS_PACCT", "CHECKPOINT_RESTORE",
}

deny contains r if {
	some name, svc in lib.services
	some cap in lib.arr(svc, "cap_add")
	is_string(cap)
	c := trim_prefix(upper(trim_space(cap)), "CAP_")
	c in dangerous
	r := lib.result(svc, sprintf("service %q adds capability %s", [name, c]))
}
