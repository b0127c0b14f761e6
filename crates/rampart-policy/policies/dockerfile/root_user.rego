# METADATA
# id: dockerfile-root-user
# title: Image runs as root
# severity: high
# kinds: [dockerfile]
# description: >-
#   The final stage sets no USER, or its last USER is root (name `root` or uid 0), so the
#   container's main process runs as root. A process that is root inside the container is one
#   kernel or runtime bug away from root on the host, and can modify everything in the image at
#   run time. High because it widens the impact of any compromise of the application. USER set
#   in an earlier stage the final stage builds on (`FROM builder`) counts. Base images whose tag
#   says `nonroot` (distroless and similar images that set a non-root user) are not flagged;
#   other base images may set a USER this check cannot see, so review the finding before
#   suppressing it.
# remediation: >-
#   Create an unprivileged user and switch to it at the end of the final stage, e.g.
#   `RUN addgroup --system app && adduser --system --ingroup app app` then `USER app`
#   (or a numeric `USER 10001:10001`, which Kubernetes' runAsNonRoot can verify).
# references:
#   - https://docs.docker.com/reference/dockerfile/#user
#   - https://docs.docker.com/build/building/best-practices/#user
# frameworks: [CIS-Docker-4.1, NSA-CISA-K8s]
package rampart.dockerfile.root_user

import data.rampart.dockerfile.lib

nonroot_base(stage) if {
	is_string(stage.tag)
	contains(lower(stage.tag), "nonroot")
}

deny contains result if {
	stage := lib.final_stage
	not lib.effective_user(stage.index)
	not nonroot_base(stage)
	result := {
		"msg": sprintf("the final stage (FROM %s) never sets USER, so the container runs as root", [stage.base]),
		"line": stage.__line__,
		"end_line": stage.__end_line__,
	}
}

deny contains result if {
	stage := lib.final_stage
	ins := lib.effective_user(stage.index)
	lib.is_root_user(ins)
	result := {
		"msg": sprintf("the last USER of the final stage is %q, so the container runs as root", [lib.user_name(ins)]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
