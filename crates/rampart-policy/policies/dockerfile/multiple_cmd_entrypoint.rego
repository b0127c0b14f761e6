# METADATA
# id: dockerfile-multiple-cmd-entrypoint
# title: Several CMD or ENTRYPOINT instructions in one stage
# severity: low
# kinds: [dockerfile]
# description: >-
#   Only the last CMD and the last ENTRYPOINT of a stage take effect; earlier ones are silently
#   ignored. A second one is usually a leftover or a merge mistake, and readers may believe the
#   wrong command runs. Low: a correctness issue. Each ignored instruction is reported.
# remediation: Keep exactly one CMD and at most one ENTRYPOINT per stage and delete the others.
# references:
#   - https://docs.docker.com/reference/dockerfile/#cmd
#   - https://docs.docker.com/reference/dockerfile/#entrypoint
# frameworks: [Docker-Best-Practices]
package rampart.dockerfile.multiple_cmd_entrypoint

deny contains result if {
	some cmd in {"cmd", "entrypoint"}
	some ins in input.instructions
	ins.cmd == cmd
	last := max([l.__line__ | some l in input.instructions; l.cmd == cmd; l.stage == ins.stage])
	last > ins.__line__
	result := {
		"msg": sprintf("%s on line %d is overridden by the %s on line %d", [upper(cmd), ins.__line__, upper(cmd), last]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
