# METADATA
# id: dockerfile-pip-no-cache-dir
# title: pip install keeps its download cache
# severity: info
# kinds: [dockerfile]
# description: >-
#   `pip install` without `--no-cache-dir` stores downloaded wheels under ~/.cache/pip inside
#   the layer, which only makes the image larger. Informational: size hygiene, no direct risk.
#   Not flagged when the same RUN mounts a BuildKit cache for pip, or PIP_NO_CACHE_DIR is set
#   by an ENV in the Dockerfile.
# remediation: >-
#   Write `pip install --no-cache-dir ...`, set `ENV PIP_NO_CACHE_DIR=1`, or use
#   `RUN --mount=type=cache,target=/root/.cache/pip pip install ...`.
# references:
#   - https://pip.pypa.io/en/stable/topics/caching/
#   - https://docs.docker.com/build/cache/optimize/#use-cache-mounts
# frameworks: [CIS-Docker-4.3]
package rampart.dockerfile.pip_no_cache_dir

import data.rampart.dockerfile.lib

cache_disabled_by_env if {
	some ins in input.instructions
	ins.cmd == "env"
	some name, _ in object.get(ins, "env", {})
	name == "PIP_NO_CACHE_DIR"
}

pip_cache_mount(ins) if {
	some m in object.get(object.get(ins, "flags", {}), "mount", [])
	contains(m, "type=cache")
	contains(m, "pip")
}

deny contains result if {
	not cache_disabled_by_env
	some ins in lib.runs
	not pip_cache_mount(ins)
	some c in lib.commands(ins)
	regex.match(`(^|[ \t/])(pip[0-9.]*|python[0-9.]*[ \t]+-m[ \t]+pip)[ \t]+([^ \t]+[ \t]+)*install([ \t]|$)`, c)
	not contains(c, "--no-cache-dir")
	result := {
		"msg": sprintf("%q keeps pip's download cache in the layer; add --no-cache-dir", [c]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
