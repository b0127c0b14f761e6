# METADATA
# id: dockerfile-apt-no-install-recommends
# title: apt-get install without --no-install-recommends
# severity: low
# kinds: [dockerfile]
# description: >-
#   `apt-get install` also installs every package the requested ones merely recommend. That
#   grows the image and its attack surface with software nobody asked for, and adds packages
#   vulnerability scans then report. Low: hygiene that reduces exposure rather than an exploitable
#   flaw.
# remediation: >-
#   Write `apt-get install -y --no-install-recommends <packages>` and list the recommended
#   packages you really need explicitly.
# references:
#   - https://docs.docker.com/build/building/best-practices/#apt-get
# frameworks: [CIS-Docker-4.3]
package rampart.dockerfile.apt_no_install_recommends

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	some c in lib.commands(ins)
	regex.match(`(^|[ \t/])apt(-get)?[ \t]+([^ \t]+[ \t]+)*install([ \t]|$)`, c)
	not contains(c, "--no-install-recommends")
	not contains(c, "Install-Recommends=false")
	not contains(c, "Install-Recommends=0")
	result := {
		"msg": sprintf("%q installs recommended packages too; add --no-install-recommends", [c]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
