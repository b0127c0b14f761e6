# Helpers shared by the Dockerfile policies. No METADATA block: this module is not a policy.
package rampart.dockerfile.lib

# The stage that produces the image (the last FROM). Undefined when there is no stage.
final_stage := input.stages[count(input.stages) - 1]

# The stage a stage builds on (`FROM <earlier stage>`); undefined when it starts from an image.
parent(i) := p if {
	some s in input.stages
	s.index == i
	p := object.get(s, "from_stage", null)
	p != null
}

# A stage's index and the indices of every stage it (transitively) builds on. regorus is built
# without the graph builtins and Rego has no recursion, so the chain is followed 16 levels deep
# (most final stages start from an image: no chain to follow).
lineage(i) := {i} if {
	not parent(i)
} else := s16 if {
	s0 := {i}
	s1 := s0 | {p | some x in s0; p := parent(x)}
	s2 := s1 | {p | some x in s1; p := parent(x)}
	s3 := s2 | {p | some x in s2; p := parent(x)}
	s4 := s3 | {p | some x in s3; p := parent(x)}
	s5 := s4 | {p | some x in s4; p := parent(x)}
	s6 := s5 | {p | some x in s5; p := parent(x)}
	s7 := s6 | {p | some x in s6; p := parent(x)}
	s8 := s7 | {p | some x in s7; p := parent(x)}
	s9 := s8 | {p | some x in s8; p := parent(x)}
	s10 := s9 | {p | some x in s9; p := parent(x)}
	s11 := s10 | {p | some x in s10; p := parent(x)}
	s12 := s11 | {p | some x in s11; p := parent(x)}
	s13 := s12 | {p | some x in s12; p := parent(x)}
	s14 := s13 | {p | some x in s13; p := parent(x)}
	s15 := s14 | {p | some x in s14; p := parent(x)}
	s16 := s15 | {p | some x in s15; p := parent(x)}
}

# Instructions of a stage including those inherited from the stages it builds on, in file order.
inherited_instructions(i, cmd) := [ins |
	some ins in input.instructions
	ins.cmd == cmd
	ins.stage in lineage(i)
]

# The USER instruction in effect at the end of stage i (undefined when none was set).
effective_user(i) := users[count(users) - 1] if {
	users := inherited_instructions(i, "user")
	count(users) > 0
}

# The user name or uid of a USER instruction, without the group.
user_name(ins) := name if {
	raw := object.get(ins, "user", object.get(ins, "value", [""])[0])
	name := trim_space(split(raw, ":")[0])
}

is_root_user(ins) if lower(user_name(ins)) in {"root", "0"}

is_scratch(stage) if {
	is_string(stage.base)
	lower(stage.base) == "scratch"
}

# RUN instructions, including the RUN of an ONBUILD trigger.
runs contains ins if {
	some ins in input.instructions
	ins.cmd == "run"
}

# The shell text of a RUN: its arguments and heredoc bodies, with line continuations joined.
run_text(ins) := regex.replace(raw, `\\\r?\n`, " ") if {
	bodies := [h.body | some h in object.get(ins, "heredocs", [])]
	raw := concat("\n", array.concat(object.get(ins, "value", []), bodies))
}

# The individual shell commands of a RUN (split at &&, ||, ;, | and newlines).
commands(ins) := [trim_space(c) | some c in regex.split(`&&|\|\||;|\||\n`, run_text(ins))]

# A RUN mounts a cache at a path starting with the given prefix.
has_cache_mount(ins, prefix) if {
	some m in object.get(object.get(ins, "flags", {}), "mount", [])
	contains(m, "type=cache")
	contains(m, concat("", ["target=", prefix]))
}

has_cache_mount(ins, prefix) if {
	some m in object.get(object.get(ins, "flags", {}), "mount", [])
	contains(m, "type=cache")
	contains(m, concat("", ["dst=", prefix]))
}

# Names that usually hold credentials. `_FILE`/`_PATH`/`_DIR` variants point at a file and are fine.
secret_name(name) if {
	is_string(name)
	regex.match(`(passw(or)?d|secret|credential|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key|(^|[_.-])(token|pwd|pass)([_.-]|$)|token$)`, lower(name))
	not regex.match(`[_.-](file|path|dir|url|name|user(name)?)$`, lower(name))
}

# Values that switch a feature rather than hold a credential (`MYSQL_RANDOM_ROOT_PASSWORD=yes`).
switch_value(v) if lower(trim_space(v)) in {"yes", "no", "true", "false", "on", "off", "0", "1", "y", "n", "enabled", "disabled"}
