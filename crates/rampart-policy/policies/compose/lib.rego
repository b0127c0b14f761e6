# Helpers shared by the Docker Compose policies (`compose` documents: the Compose file as
# written, with `__line__`/`__end_line__` on every mapping; see docs/misconfig-inputs.md).
# No METADATA block: this module is not a policy.
package rampart.compose.lib

# Keys the parser adds to every mapping; never a service, variable or option name.
line_key(k) if k in {"__line__", "__end_line__", "__spans__"}

# Every service mapping by name: `services[name]`.
services[name] := svc if {
	defined := object.get(input, "services", {})
	is_object(defined)
	some name, svc in defined
	not line_key(name)
	is_object(svc)
}

# The finding for a mapping that carries its source lines.
result(o, msg) := {"msg": msg, "line": object.get(o, "__line__", null), "end_line": object.get(o, "__end_line__", null)}

# `o[key]` when it is an array / object, else empty (absent, null or malformed fields).
arr(o, key) := v if {
	v := object.get(o, key, [])
	is_array(v)
} else := []

obj(o, key) := v if {
	v := object.get(o, key, {})
	is_object(v)
} else := {}

# A scalar as text: Compose values may be written as strings or as numbers.
text(v) := v if {
	is_string(v)
} else := sprintf("%v", [v]) if {
	is_number(v)
}

# Whether a value uses variable interpolation (`${VAR}`, `$VAR`): its value is not known here.
# `$$` is Compose's escape for a literal `$`.
interpolated(v) if {
	is_string(v)
	contains(replace(v, "$$", ""), "$")
}

# A known string or number (not interpolated).
literal(v) := t if {
	t := text(v)
	not interpolated(t)
}

is_true(v) if {
	v == true
} else if {
	is_string(v)
	lower(trim_space(v)) == "true"
}

is_false(v) if {
	v == false
} else if {
	is_string(v)
	lower(trim_space(v)) == "false"
}

# Names that usually hold credentials; `_FILE`/`_PATH`/`_DIR`/... variants point at one.
secret_name(n) if {
	is_string(n)
	regex.match(`(passw(or)?d|secret|credential|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key|(^|[_.-])(token|pwd|pass)([_.-]|$)|token$)`, lower(n))
	not regex.match(`[_.-](file|path|dir|url|name|user(name)?|host|port|enabled?|method|type|length|expiry|ttl)$`, lower(n))
}

# Environment variables of a service as {"name", "value", "at"}: `at` is the mapping to point a
# finding at (the environment mapping, or the service for the list form). `value` is null when
# the list form names a variable without `=` (its value comes from the shell).
env_vars(svc) := {v |
	env := obj(svc, "environment")
	some name, value in env
	not line_key(name)
	v := {"name": name, "value": value, "at": env}
} if is_object(object.get(svc, "environment", null))

env_vars(svc) := {v |
	some entry in arr(svc, "environment")
	is_string(entry)
	v := env_entry(entry, svc)
} if is_array(object.get(svc, "environment", null))

env_vars(svc) := set() if {
	e := object.get(svc, "environment", null)
	not is_object(e)
	not is_array(e)
}

env_entry(entry, svc) := {"name": name, "value": value, "at": svc} if {
	i := indexof(entry, "=")
	i > 0
	name := substring(entry, 0, i)
	value := substring(entry, i + 1, -1)
}

env_entry(entry, svc) := {"name": entry, "value": null, "at": svc} if not contains(entry, "=")

# Volumes of a service as {"source", "target", "read_only", "bind", "at"}. Short syntax
# `SRC:DST[:MODE]`; long syntax mappings. `bind` is true when the source is a host path.
volumes(svc) := {v | some entry in arr(svc, "volumes"); v := volume(entry, svc)}

volume(entry, svc) := v if {
	is_string(entry)
	parts := split(entry, ":")
	count(parts) >= 2
	mode := concat(":", array.slice(parts, 2, count(parts)))
	v := {
		"source": parts[0], "target": parts[1], "at": svc,
		"read_only": short_mode_read_only(mode),
		"bind": host_path(parts[0]),
		"spec": entry,
	}
}

volume(entry, svc) := v if {
	is_object(entry)
	source := object.get(entry, "source", "")
	is_string(source)
	v := {
		"source": source, "target": object.get(entry, "target", ""), "at": entry,
		"read_only": truthy(object.get(entry, "read_only", false)),
		"bind": long_bind(entry, source),
		"spec": sprintf("%s:%v", [source, object.get(entry, "target", "")]),
	}
}

truthy(v) := true if is_true(v) else := false

short_mode_read_only(mode) := true if {
	some opt in split(mode, ",")
	lower(trim_space(opt)) in {"ro", "readonly"}
} else := false

# Short syntax: a source that is a path (absolute, relative or under ~) is a bind mount; a bare
# name is a named volume.
host_path(source) := true if {
	regex.match(`^(/|\.|~)`, source)
} else := false

long_bind(entry, source) := true if {
	object.get(entry, "type", "") == "bind"
} else := true if {
	not is_string(object.get(entry, "type", null))
	host_path(source)
} else := false

# A host path without trailing slashes (`/etc/` is `/etc`; `/` stays `/`).
normalize_path(p) := "/" if trim_right(p, "/") == ""

normalize_path(p) := trim_right(p, "/") if trim_right(p, "/") != ""

# `p` and every directory above it but `/` (`/var`, `/var/lib`, `/var/lib/docker` for
# `/var/lib/docker`): `p` is a directory `dir` or inside it exactly when `dir` is one of them.
path_and_parents(p) := {concat("/", array.slice(parts, 0, n)) | some n in numbers.range(2, count(parts))} if {
	parts := split(p, "/")
}

# The repository part and tag of an image reference (the tag undefined when there is none).
image_tag(img) := tag if {
	ref := split(img, "@")[0]
	parts := split(ref, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
}

has_digest(img) if contains(img, "@")
