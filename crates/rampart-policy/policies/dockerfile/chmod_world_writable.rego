# METADATA
# id: dockerfile-chmod-world-writable
# title: RUN makes files world-writable
# severity: medium
# kinds: [dockerfile]
# description: >-
#   A RUN uses chmod with a mode that gives write permission to all users (777, 666, o+w, a+rwx
#   ...). Any process in the container, whatever its uid, can then replace those files, which
#   turns a foothold as an unprivileged user into control of the application's code or
#   configuration. Medium: it weakens the separation a non-root USER gives. The sticky-bit mode
#   1777 (used for shared temporary directories) is not flagged.
# remediation: >-
#   Give ownership to the user that needs write access (`COPY --chown=app:app`, `chown`) and use
#   restrictive modes such as 755 for directories and 644 for files.
# references:
#   - https://docs.docker.com/reference/dockerfile/#copy---chown---chmod
# frameworks: [CIS-Docker-4.8]
package rampart.dockerfile.chmod_world_writable

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	some c in lib.commands(ins)
	regex.match(`^(sudo[ \t]+)?chmod[ \t]+(-[A-Za-z]+[ \t]+)*(0?[0-7]{2}[2367]|[ugo]*[ao][ugo]*[+=][rxXst]*w[rwxXst]*)([ \t,]|$)`, c)
	result := {
		"msg": sprintf("%q makes files writable by every user", [c]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
