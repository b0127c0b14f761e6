# METADATA
# id: compose-security-profile-disabled
# title: Compose service disables seccomp, AppArmor or SELinux confinement
# severity: high
# kinds: [compose]
# description: >-
#   A service's `security_opt` turns off a kernel confinement layer: `seccomp:unconfined` lets
#   the container call every system call (including those used in many kernel exploits),
#   `apparmor:unconfined` removes the AppArmor profile Docker applies by default, and
#   `label:disable` turns off SELinux separation. Each leaves the container with less isolation
#   from the host than Docker's defaults.
# remediation: >-
#   Remove the option to keep Docker's default profiles, or write a custom profile that allows
#   the extra calls the service needs: `security_opt: ["seccomp:./seccomp/app.json",
#   "no-new-privileges:true"]`.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#security_opt
#   - https://docs.docker.com/engine/security/seccomp/
#   - https://docs.docker.com/engine/security/apparmor/
package rampart.compose.security_opt_disabled

import data.rampart.compose.lib

# `key:value` or `key=value`, with any case and spacing.
disabled(opt) if {
	some pair in [["seccomp", "unconfined"], ["apparmor", "unconfined"], ["label", "disable"], ["systempaths", "unconfined"]]
	regex.match(sprintf(`^%s[ \t]*[:=][ \t]*%s$`, pair), lower(trim_space(opt)))
}

deny contains r if {
	some name, svc in lib.services
	some opt in lib.arr(svc, "security_opt")
	is_string(opt)
	disabled(opt)
	r := lib.result(svc, sprintf("service %q sets security_opt %s", [name, opt]))
}
