# METADATA
# id: dockerfile-expose-ssh
# title: Image exposes the SSH port
# severity: medium
# kinds: [dockerfile]
# description: >-
#   EXPOSE 22 suggests the image runs an SSH server. An SSH daemon in a container is another
#   network-facing service with its own credentials to manage and patch, and it bypasses the
#   audited `docker exec` / `kubectl exec` path. Medium: it adds remote attack surface.
# remediation: >-
#   Remove the SSH server and `EXPOSE 22`; use `docker exec` or `kubectl exec` (or a debug
#   container) for interactive access.
# references:
#   - https://docs.docker.com/reference/dockerfile/#expose
# frameworks: [CIS-Docker-5.6]
package rampart.dockerfile.expose_ssh

deny contains result if {
	some ins in input.instructions
	ins.cmd == "expose"
	some port in object.get(ins, "ports", [])
	is_string(port)
	split(port, "/")[0] == "22"
	result := {
		"msg": "EXPOSE 22: the image appears to run an SSH server",
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
