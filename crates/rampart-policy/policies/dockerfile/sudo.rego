# METADATA
# id: dockerfile-sudo
# title: RUN uses sudo
# severity: medium
# kinds: [dockerfile]
# description: >-
#   A RUN command starts with sudo. Build steps already run as the current USER; sudo in an
#   image means sudo and a sudoers configuration ship in it, giving any process that can run it a
#   path back to root, and its TTY and signal handling behave unpredictably in containers.
#   Medium: it undermines the non-root user the image may switch to.
# remediation: >-
#   Run privileged steps before switching away from root (`USER root` ... `USER app`) and remove
#   sudo; if a program must drop privileges at start-up, use a small tool such as gosu.
# references:
#   - https://docs.docker.com/build/building/best-practices/#user
# frameworks: [CIS-Docker-4.1]
package rampart.dockerfile.sudo

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	some c in lib.commands(ins)
	regex.match(`^(exec[ \t]+)?sudo([ \t]|$)`, c)
	result := {
		"msg": sprintf("%q uses sudo", [c]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
