# METADATA
# id: dockerfile-base-not-pinned-by-digest
# title: Base image is not pinned by digest
# severity: low
# kinds: [dockerfile]
# description: >-
#   A FROM line names an image by tag only. Tags are mutable: the publisher (or anyone who gains
#   push access to the repository) can point the same tag at different content, so a tag alone
#   does not guarantee that the image you reviewed is the image you build on. Low because a
#   version tag already gives reasonable stability; a digest adds integrity. Stages built on an
#   earlier stage, `scratch` and `FROM ${ARG}` are not flagged.
# remediation: >-
#   Append the image digest to the reference: `FROM node:22-alpine@sha256:<digest>` (find it with
#   `docker buildx imagetools inspect node:22-alpine`) and let a dependency bot update it.
# references:
#   - https://docs.docker.com/reference/dockerfile/#from
#   - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# frameworks: [CIS-Docker-4.2, SLSA]
package rampart.dockerfile.base_digest

import data.rampart.dockerfile.lib

deny contains result if {
	some stage in input.stages
	object.get(stage, "from_stage", null) == null
	not lib.is_scratch(stage)
	not contains(stage.base, "$")
	object.get(stage, "digest", null) == null
	result := {
		"msg": sprintf("base image %q is referenced by tag, not by digest", [stage.base]),
		"line": stage.__line__,
		"end_line": stage.__end_line__,
	}
}
