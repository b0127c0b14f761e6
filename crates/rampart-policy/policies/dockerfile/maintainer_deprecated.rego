# METADATA
# id: dockerfile-maintainer-deprecated
# title: MAINTAINER is deprecated
# severity: info
# kinds: [dockerfile]
# description: >-
#   MAINTAINER has been deprecated in favour of labels; tools that read image metadata look for
#   the OCI `org.opencontainers.image.authors` label instead. Informational: no security impact.
# remediation: Replace `MAINTAINER name` with `LABEL org.opencontainers.image.authors="name"`.
# references:
#   - https://docs.docker.com/reference/dockerfile/#maintainer-deprecated
# frameworks: [Docker-Best-Practices]
package rampart.dockerfile.maintainer_deprecated

deny contains result if {
	some ins in input.instructions
	ins.cmd == "maintainer"
	result := {
		"msg": "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors",
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
