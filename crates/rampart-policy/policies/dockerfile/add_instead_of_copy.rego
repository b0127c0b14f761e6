# METADATA
# id: dockerfile-add-instead-of-copy
# title: ADD used where COPY would do
# severity: low
# kinds: [dockerfile]
# description: >-
#   ADD copies local files like COPY but also unpacks local archives and fetches URLs. Using it
#   for plain files hides that extra behaviour: a file that happens to be an archive is
#   extracted instead of copied. Docker recommends COPY for local files. Low: it is about
#   predictability. ADD of local archives (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz, ...) and of
#   URLs is not flagged here (remote ADD has its own policy).
# remediation: Replace `ADD <local files> <dest>` with `COPY <local files> <dest>`.
# references:
#   - https://docs.docker.com/reference/dockerfile/#add
#   - https://docs.docker.com/build/building/best-practices/#add-or-copy
# frameworks: [CIS-Docker-4.9]
package rampart.dockerfile.add_instead_of_copy

remote(src) if regex.match(`^([a-z][a-z0-9+.-]*://|git@)`, lower(src))

archive(src) if regex.match(`\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|z)|tgz|tbz2?|txz|tzst)$`, lower(src))

deny contains result if {
	some ins in input.instructions
	ins.cmd == "add"
	srcs := object.get(ins, "sources", [])
	count(srcs) > 0
	every src in srcs {
		not remote(src)
		not archive(src)
	}
	result := {
		"msg": sprintf("ADD of local files %v; use COPY", [srcs]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
