# METADATA
# id: dockerfile-missing-healthcheck
# title: Final stage has no HEALTHCHECK
# severity: low
# kinds: [dockerfile]
# description: >-
#   The image defines no HEALTHCHECK, so Docker and Swarm only know whether the process is
#   running, not whether it still serves: a hung application keeps its container "up". Low: it is
#   an availability concern, and Kubernetes ignores HEALTHCHECK in favour of its own probes.
#   `HEALTHCHECK NONE` counts as an explicit decision. A HEALTHCHECK in a stage the final stage
#   builds on is inherited and counts. A final stage `FROM scratch` is exempt: such images
#   usually contain only one static binary and no tool to run a probe with, and a base image may
#   define a HEALTHCHECK this check cannot see.
# remediation: >-
#   Add a probe to the final stage, e.g.
#   `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]` or
#   `HEALTHCHECK CMD curl -fsS http://localhost:8080/healthz || exit 1`; write
#   `HEALTHCHECK NONE` if the image is only run where the orchestrator probes it.
# references:
#   - https://docs.docker.com/reference/dockerfile/#healthcheck
# frameworks: [CIS-Docker-4.6]
package rampart.dockerfile.missing_healthcheck

import data.rampart.dockerfile.lib

deny contains result if {
	stage := lib.final_stage
	not lib.is_scratch(stage)
	count(lib.inherited_instructions(stage.index, "healthcheck")) == 0
	result := {
		"msg": sprintf("the final stage (FROM %s) defines no HEALTHCHECK", [stage.base]),
		"line": stage.__line__,
		"end_line": stage.__end_line__,
	}
}
