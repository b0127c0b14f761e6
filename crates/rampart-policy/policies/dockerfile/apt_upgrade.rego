# METADATA
# id: dockerfile-apt-upgrade
# title: RUN upgrades all distribution packages
# severity: low
# kinds: [dockerfile]
# description: >-
#   `apt-get upgrade`, `apt-get dist-upgrade`, `apt upgrade` or `apk upgrade` upgrades whatever
#   happens to be current on build day, so two builds of the same Dockerfile contain different
#   package sets, and packages the base image maintainers pinned deliberately are changed behind
#   their back. Low: it hurts reproducibility; fixes should come from a newer base image.
# remediation: >-
#   Rebuild on a newer base image tag (or digest) to pick up security fixes, and install or
#   upgrade only the specific packages you need (`apt-get install -y --only-upgrade <pkg>`).
# references:
#   - https://docs.docker.com/build/building/best-practices/#apt-get
#   - https://docs.docker.com/build/building/best-practices/#rebuild-your-images-often
# frameworks: [CIS-Docker-4.3]
package rampart.dockerfile.apt_upgrade

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	some c in lib.commands(ins)
	regex.match(`(^|[ \t/])(apt(-get)?|apk)[ \t]+([^ \t]+[ \t]+)*(dist-|full-)?upgrade([ \t]|$)`, c)
	result := {
		"msg": sprintf("%q upgrades every installed package at build time", [c]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
