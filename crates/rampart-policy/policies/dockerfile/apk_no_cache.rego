# METADATA
# id: dockerfile-apk-no-cache
# title: apk add without --no-cache
# severity: low
# kinds: [dockerfile]
# description: >-
#   `apk add` without `--no-cache` leaves the Alpine package index in /var/cache/apk inside the
#   layer. Low: it only wastes space, but the index is also stale metadata nobody needs at run
#   time. A RUN that mounts a BuildKit cache at /var/cache/apk or removes it is not flagged.
# remediation: Write `apk add --no-cache <packages>` (it also makes a separate `apk update` unnecessary).
# references:
#   - https://docs.docker.com/build/building/best-practices/#run
#   - https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
# frameworks: [CIS-Docker-4.3]
package rampart.dockerfile.apk_no_cache

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	text := lib.run_text(ins)
	some c in lib.commands(ins)
	regex.match(`(^|[ \t/])apk[ \t]+([^ \t]+[ \t]+)*add([ \t]|$)`, c)
	not contains(c, "--no-cache")
	not contains(text, "/var/cache/apk")
	not lib.has_cache_mount(ins, "/var/cache/apk")
	result := {
		"msg": sprintf("%q keeps the apk index in the layer; add --no-cache", [c]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
