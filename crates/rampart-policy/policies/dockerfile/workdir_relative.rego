# METADATA
# id: dockerfile-workdir-relative
# title: WORKDIR uses a relative path
# severity: low
# kinds: [dockerfile]
# description: >-
#   A relative WORKDIR is resolved against the previous WORKDIR, which may come from the base
#   image and change when the base image does; files then land in unexpected places. Docker
#   recommends absolute paths. Low: a correctness and clarity issue. Paths starting with a
#   variable (`$HOME/app`) and Windows drive paths are not flagged.
# remediation: Use an absolute path, e.g. `WORKDIR /app`.
# references:
#   - https://docs.docker.com/reference/dockerfile/#workdir
#   - https://docs.docker.com/build/building/best-practices/#workdir
# frameworks: [Docker-Best-Practices]
package rampart.dockerfile.workdir_relative

deny contains result if {
	some ins in input.instructions
	ins.cmd == "workdir"
	path := trim(concat(" ", object.get(ins, "value", [])), "\"' ")
	path != ""
	not regex.match(`^([A-Za-z]:[\\/]|[\\/]|\$)`, path)
	result := {
		"msg": sprintf("WORKDIR %q is relative; use an absolute path", [path]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
