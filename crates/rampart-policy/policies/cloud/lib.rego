# Helpers shared by the cloud policies (Terraform and CloudFormation documents; the shape is in
# docs/misconfig-inputs.md). No METADATA block: this module is not a policy.
package rampart.cloud.lib

is_terraform if input.kind == "terraform"

is_cloudformation if input.kind == "cloudformation"

# Every resource of type `t` (`aws_s3_bucket`, `AWS::S3::Bucket`), managed or data. The scanner
# adds `__resource_index__` (type -> positions in `resources`) so that this is a lookup, not a
# pass over every resource; documents without it (Rego tests) are scanned.
resources(t) := {input.resources[i] | some i in input.__resource_index__[t]} if {
	input.__resource_index__
} else := {r | some r in input.resources; r.type == t}

# Managed resources of type `t` (data sources left out).
managed(t) := {r | some r in resources(t); object.get(r, "mode", "managed") == "managed"}

# Data sources of type `t` (Terraform `data` blocks).
data_sources(t) := {r | some r in resources(t); r.mode == "data"}

# Whether `v` is a value the parser could not know.
is_unknown(v) if {
	is_object(v)
	_ = v.__unknown__
}

# A value that is present and known (false for unknown markers and absent keys).
known(o, key) if {
	v := o[key]
	v != null
	not is_unknown(v)
}

# `o[key]` when present and known, else `default_value`.
get(o, key, default_value) := v if {
	known(o, key)
	v := o[key]
} else := default_value

# The resource's evaluated arguments.
values(r) := v if {
	v := r.values
	is_object(v)
} else := {}

# Nested blocks `key` of `o` (Terraform blocks are arrays of objects; a single object counts as
# one block). Empty when absent or unknown.
blocks(o, key) := [b | some b in o[key]; is_object(b); not is_unknown(b)] if {
	is_array(o[key])
} else := [o[key]] if {
	is_object(o[key])
	not is_unknown(o[key])
} else := []

# Whether `o` has a block (or argument) named `key` at all, known or not.
has(o, key) if _ = o[key]

# `true`, and the strings CloudFormation and HCL accept for it.
is_true(v) if {
	v == true
} else if {
	is_string(v)
	lower(v) == "true"
}

is_false(v) if {
	v == false
} else if {
	is_string(v)
	lower(v) == "false"
}

# A number, also when written as a string ("22").
number(v) := v if {
	is_number(v)
} else := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v)
}

# The address of the resource without its instance key, as `__refs__` name it
# (`module.net.aws_security_group.web`).
ref(r) := object.get(r, "ref", r.address)

# Whether value `v` refers to resource `r` (an unknown marker whose refs name it).
refers_to(v, r) if {
	is_unknown(v)
	some x in object.get(v, "__refs__", [])
	x == ref(r)
}

# Whether `v` points at resource `r`: by reference, or by the literal `name` that `r` has in
# argument `key` (a bucket named "logs" referred to as "logs").
points_at(v, r, key) if refers_to(v, r)

points_at(v, r, key) if {
	not is_unknown(v)
	v == values(r)[key]
}

# A finding on resource `r`.
result(r, msg) := {
	"msg": msg,
	"file": object.get(r, "file", null),
	"line": object.get(r, "__line__", null),
	"end_line": object.get(r, "__end_line__", null),
}

# A finding on argument `key` of block `o` (a resource's values or a nested block) of resource
# `r`: the argument's own lines when known, else the block's.
attr_result(r, o, key, msg) := {
	"msg": msg,
	"file": object.get(r, "file", null),
	"line": span[0],
	"end_line": span[1],
} if {
	span := o.__spans__[key]
} else := {
	"msg": msg,
	"file": object.get(r, "file", null),
	"line": object.get(o, "__line__", object.get(r, "__line__", null)),
	"end_line": object.get(o, "__end_line__", object.get(r, "__end_line__", null)),
}

# Terraform resource address or CloudFormation logical id, for messages.
describe(r) := r.address

# CIDR ranges that mean "anyone on the internet".
public_cidr(c) if c in {"0.0.0.0/0", "::/0", "*", "0.0.0.0", "Internet", "any"}
