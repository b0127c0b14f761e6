# METADATA
# id: dockerfile-apt-lists-not-cleaned
# title: apt package lists left in the image
# severity: low
# kinds: [dockerfile]
# description: >-
#   A RUN runs `apt-get update`/`install` but does not remove /var/lib/apt/lists in the same
#   RUN. The downloaded indexes (often tens of megabytes) stay in that layer forever; deleting
#   them in a later RUN does not shrink the image. Low: size and hygiene. A RUN that mounts a
#   BuildKit cache at /var/lib/apt is not flagged, since the lists then never reach the layer.
# remediation: >-
#   End the same RUN with `&& rm -rf /var/lib/apt/lists/*`, or use
#   `RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install ...`.
# references:
#   - https://docs.docker.com/build/building/best-practices/#apt-get
#   - https://docs.docker.com/build/cache/optimize/#use-cache-mounts
# frameworks: [CIS-Docker-4.3]
package rampart.dockerfile.apt_lists_not_cleaned

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	text := lib.run_text(ins)
	regex.match(`(^|[ \t/;&|])apt(-get)?[ \t]+([^ \t]+[ \t]+)*(update|install)([ \t;&|]|$)`, text)
	not regex.match(`rm[ \t]+(-[a-zA-Z]+[ \t]+)*[^;&|]*/var/lib/apt/lists`, text)
	not lib.has_cache_mount(ins, "/var/lib/apt")
	result := {
		"msg": "RUN uses apt-get but leaves /var/lib/apt/lists in the layer",
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
