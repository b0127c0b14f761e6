# METADATA
# id: dockerfile-latest-tag
# title: Base image uses the latest tag or no tag
# severity: medium
# kinds: [dockerfile]
# description: >-
#   A FROM line names an image without a tag, or with the `latest` tag, and without a digest.
#   `latest` moves whenever the publisher pushes, so the same Dockerfile builds different images
#   on different days: builds are not reproducible, and a broken or compromised upstream push
#   lands silently. Medium because it affects integrity and reproducibility rather than giving
#   direct access. Stages built on an earlier stage (`FROM builder`), `scratch`, and images given
#   through a build argument (`FROM ${BASE}`) are not flagged.
# remediation: >-
#   Name an explicit version tag (`FROM python:3.12-slim-bookworm`), ideally together with its
#   digest (`FROM python:3.12-slim-bookworm@sha256:...`), and update it deliberately.
# references:
#   - https://docs.docker.com/reference/dockerfile/#from
#   - https://docs.docker.com/build/building/best-practices/#from
# frameworks: [CIS-Docker-4.2]
package rampart.dockerfile.latest_tag

import data.rampart.dockerfile.lib

unpinned(stage) if object.get(stage, "tag", null) == null

unpinned(stage) if {
	is_string(stage.tag)
	lower(stage.tag) == "latest"
}

deny contains result if {
	some stage in input.stages
	object.get(stage, "from_stage", null) == null
	not lib.is_scratch(stage)
	not contains(stage.base, "$")
	object.get(stage, "digest", null) == null
	unpinned(stage)
	result := {
		"msg": sprintf("base image %q is not pinned to a version (no tag or `latest`)", [stage.base]),
		"line": stage.__line__,
		"end_line": stage.__end_line__,
	}
}
