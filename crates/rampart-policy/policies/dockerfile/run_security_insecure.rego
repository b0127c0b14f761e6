# METADATA
# id: dockerfile-run-security-insecure
# title: RUN requests insecure (privileged) execution
# severity: high
# kinds: [dockerfile]
# description: >-
#   `RUN --security=insecure` runs the build step without the sandbox, much like a container
#   started with --privileged: the step gets all capabilities and device access on the build
#   host. A malicious dependency fetched by that step can compromise the builder and every image
#   it builds afterwards. High because it removes container isolation from the build.
# remediation: >-
#   Drop `--security=insecure` and find a way to do the step unprivileged (e.g. build the
#   filesystem image with a user-space tool); if truly unavoidable, run such builds only on an
#   isolated, disposable builder.
# references:
#   - https://docs.docker.com/reference/dockerfile/#run---security
# frameworks: [CIS-Docker-5.4]
package rampart.dockerfile.run_security_insecure

import data.rampart.dockerfile.lib

insecure(ins) if object.get(object.get(ins, "flags", {}), "security", "") == "insecure"

insecure(ins) if "insecure" in object.get(object.get(ins, "flags", {}), "security", [])

insecure(ins) if regex.match(`^[ \t]*[Rr][Uu][Nn][ \t]+(--[^ \t]+[ \t]+)*--security[= ]insecure`, object.get(ins, "original", ""))

deny contains result if {
	some ins in lib.runs
	insecure(ins)
	result := {
		"msg": "RUN --security=insecure runs the build step without sandboxing",
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
