# Helpers for the AWS network, IAM, compute and logging policies, on Terraform and
# CloudFormation documents. No METADATA block: this module is not a policy.
package rampart.aws.lib_iam

import data.rampart.cloud.lib

# ---------------------------------------------------------------------------------------------
# Generic
# ---------------------------------------------------------------------------------------------

as_list(x) := x if is_array(x) else := [x]

# Keys the parser adds to objects (`__line__`, `__end_line__`, `__spans__`).
meta_key(k) if startswith(k, "__")

# An argument that is absent (or null): the provider's default applies.
absent(o, key) if not lib.has(o, key)

absent(o, key) if o[key] == null

# The first block `key` of `o`, or {} when there is none.
first_block(o, key) := b if {
	bs := lib.blocks(o, key)
	count(bs) > 0
	b := bs[0]
} else := {}

# A finding on a nested block or object `b` of resource `r` (its own lines when it has them).
block_result(r, b, msg) := {
	"msg": msg,
	"file": object.get(r, "file", null),
	"line": object.get(b, "__line__", object.get(r, "__line__", null)),
	"end_line": object.get(b, "__end_line__", object.get(r, "__end_line__", null)),
}

# A known string equal to one of `options`, ignoring case.
lower_in(v, options) if {
	is_string(v)
	lower(v) in options
}

# A known, non-empty list (or a single known value).
non_empty(v) if {
	is_array(v)
	count(v) > 0
}

# ---------------------------------------------------------------------------------------------
# IAM policy documents
#
# `statements(p)` reads a policy value `p` — a JSON string (`jsonencode(...)`, a heredoc), an
# object (CloudFormation `PolicyDocument`), or an unknown marker that refers to one
# `data.aws_iam_policy_document` — into a list of normalized statements:
#
#   {"effect": "Allow" | "Deny" | "?",
#    "action": F, "not_action": F, "resource": F, "not_resource": F,
#    "principal": P, "not_principal": P, "conditioned": bool}
#
# where F = {"present": bool, "values": [known strings], "unknown": bool} and
# P = {"present": bool, "values": [{"type": "AWS" | "Service" | "*" | ..., "id": "..."}],
# "unknown": bool}. A statement that cannot be read at all has effect "?". `statements(p)` is
# undefined when the document itself cannot be read.
# ---------------------------------------------------------------------------------------------

statements(p) := json_statements(doc) if {
	is_string(p)
	json.is_valid(p)
	doc := json.unmarshal(p)
}

statements(p) := json_statements(p) if {
	is_object(p)
	not lib.is_unknown(p)
}

statements(p) := document_statements(d) if {
	lib.is_unknown(p)
	refs := object.get(p, "__refs__", [])
	count(refs) == 1
	d := policy_document(refs[0])
}

# The `aws_iam_policy_document` data source with reference `ref`, when there is exactly one.
policy_document(ref) := docs[0] if {
	docs := [d | some d in lib.data_sources("aws_iam_policy_document"); lib.ref(d) == ref]
	count(docs) == 1
}

unreadable := {
	"effect": "?",
	"action": {"present": true, "values": [], "unknown": true},
	"not_action": {"present": false, "values": [], "unknown": false},
	"resource": {"present": true, "values": [], "unknown": true},
	"not_resource": {"present": false, "values": [], "unknown": false},
	"principal": {"present": true, "values": [], "unknown": true},
	"not_principal": {"present": false, "values": [], "unknown": false},
	"conditioned": true,
}

# JSON documents ---------------------------------------------------------------------------------

json_statements(doc) := [json_statement(s) | some s in as_list(doc.Statement)] if {
	is_object(doc)
	not lib.is_unknown(doc)
	not lib.is_unknown(doc.Statement)
}

json_statement(s) := {
	"effect": effect_of(object.get(s, "Effect", null)),
	"action": json_field(s, "Action"),
	"not_action": json_field(s, "NotAction"),
	"resource": json_field(s, "Resource"),
	"not_resource": json_field(s, "NotResource"),
	"principal": json_principal(s, "Principal"),
	"not_principal": json_principal(s, "NotPrincipal"),
	"conditioned": json_conditioned(s),
} if {
	is_object(s)
	not lib.is_unknown(s)
} else := unreadable

effect_of(e) := "Allow" if lower_in(e, {"allow"}) else := "Deny" if lower_in(e, {"deny"}) else := "?"

# A string the parser could read completely (`jsonencode` writes unknown parts as "${...}").
known_string(x) if {
	is_string(x)
	not contains(x, "${")
}

field_of(v) := {"present": false, "values": [], "unknown": false} if {
	v == null
} else := {"present": true, "values": [], "unknown": true} if {
	lib.is_unknown(v)
} else := {"present": count(items) > 0, "values": vals, "unknown": count(vals) != count(items)} if {
	items := as_list(v)
	vals := [x | some x in items; known_string(x)]
}

json_field(s, key) := field_of(object.get(s, key, null))

json_principal(s, key) := {"present": false, "values": [], "unknown": false} if {
	object.get(s, key, null) == null
} else := {"present": true, "values": [{"type": "*", "id": "*"}], "unknown": false} if {
	s[key] == "*"
} else := {"present": true, "values": [], "unknown": true} if {
	not principal_map(s[key])
} else := {"present": true, "values": vals, "unknown": unk} if {
	p := s[key]
	pairs := [[k, x] | some k, v in p; not meta_key(k); some x in as_list(v)]
	vals := [{"type": pair[0], "id": pair[1]} | some pair in pairs; known_string(pair[1])]
	unk := count(vals) != count(pairs)
}

principal_map(p) if {
	is_object(p)
	not lib.is_unknown(p)
}

# Whether the statement has a condition (or one that cannot be read).
json_conditioned(s) := true if {
	c := object.get(s, "Condition", null)
	is_object(c)
	not lib.is_unknown(c)
	count([k | some k, _ in c; not meta_key(k)]) > 0
} else := true if {
	lib.is_unknown(object.get(s, "Condition", null))
} else := true if {
	c := object.get(s, "Condition", null)
	c != null
	not is_object(c)
} else := false

# `aws_iam_policy_document` data sources -------------------------------------------------------

# Statements of a data source, with those of the documents it merges in through
# `source_policy_documents`. Undefined when it merges in anything that cannot be read
# (`override_policy_documents` may replace statements by sid, so it makes the document unreadable).
document_statements(d) := array.concat(own_statements(d), sourced) if {
	v := lib.values(d)
	not lib.is_unknown(object.get(v, "statement", []))
	every a in ["override_policy_documents", "override_json", "source_json"] {
		not set_non_empty(v, a)
	}
	sources := source_documents(v)
	sourced := [st | some s in sources; some st in own_statements(s)]
}

source_documents(v) := [] if not set_non_empty(v, "source_policy_documents")

source_documents(v) := docs if {
	set_non_empty(v, "source_policy_documents")
	srcs := v.source_policy_documents
	is_array(srcs)
	docs := [d |
		some s in srcs
		lib.is_unknown(s)
		refs := object.get(s, "__refs__", [])
		count(refs) == 1
		d := policy_document(refs[0])
		plain_document(d)
	]
	count(docs) == count(srcs)
}

plain_document(d) if {
	v := lib.values(d)
	not lib.is_unknown(object.get(v, "statement", []))
	every a in ["override_policy_documents", "override_json", "source_json", "source_policy_documents"] {
		not set_non_empty(v, a)
	}
}

set_non_empty(o, key) if {
	x := o[key]
	x != null
	x != ""
	x != []
}

own_statements(d) := [tf_statement(s) | some s in lib.blocks(lib.values(d), "statement")]

tf_statement(s) := {
	"effect": tf_effect(s),
	"action": tf_field(s, "actions"),
	"not_action": tf_field(s, "not_actions"),
	"resource": tf_field(s, "resources"),
	"not_resource": tf_field(s, "not_resources"),
	"principal": tf_principal(s, "principals"),
	"not_principal": tf_principal(s, "not_principals"),
	"conditioned": tf_conditioned(s),
}

tf_effect(s) := "Allow" if absent(s, "effect") else := effect_of(s.effect)

tf_field(s, key) := field_of(object.get(s, key, null))

tf_principal(s, key) := {"present": true, "values": [], "unknown": true} if {
	lib.is_unknown(object.get(s, key, null))
} else := {"present": count(pairs) > 0, "values": vals, "unknown": unk} if {
	pairs := [[b.type, id] | some b in lib.blocks(s, key); some id in tf_identifiers(b)]
	vals := [{"type": pair[0], "id": pair[1]} | some pair in pairs; known_string(pair[0]); known_string(pair[1])]
	unk := count(vals) != count(pairs)
}

tf_identifiers(b) := as_list(b.identifiers) if {
	b.identifiers != null
	not lib.is_unknown(b.identifiers)
}

tf_identifiers(b) := [b.identifiers] if lib.is_unknown(b.identifiers)

tf_conditioned(s) := true if {
	count(lib.blocks(s, "condition")) > 0
} else := true if {
	lib.is_unknown(object.get(s, "condition", null))
} else := false

# Matching --------------------------------------------------------------------------------------

# Whether the AWS action pattern `pattern` (`iam:*`, `iam:Attach*`, `s3:Get?bject`) matches the
# action `action`, ignoring case. Exact names and a single trailing `*` are compared as strings;
# other wildcards go through a regular expression.
action_matches(pattern, action) if glob_match(lower(pattern), lower(action))

glob_match(p, a) if {
	p == a
} else if {
	endswith(p, "*")
	prefix := trim_suffix(p, "*")
	not wildcard(prefix)
	startswith(a, prefix)
} else if {
	complex_glob(p)
	service_may_match(p, a)
	regex.match(`^[a-z0-9:*?_-]+$`, p)
	regex.match(glob_regex(p), a)
}

wildcard(p) if {
	contains(p, "*")
} else if {
	contains(p, "?")
}

complex_glob(p) if wildcard(trim_suffix(p, "*"))

# The service part of the pattern (`iam` of `iam:*Policy`) is a wildcard or the action's.
service_may_match(p, a) if {
	wildcard(split(p, ":")[0])
} else if {
	split(p, ":")[0] == split(a, ":")[0]
}

glob_regex(pattern) := concat("", ["^", replace(replace(pattern, "*", ".*"), "?", "."), "$"])

# Whether statement `st` allows `action` (on some resource).
allows(st, action) if {
	st.effect == "Allow"
	some p in st.action.values
	action_matches(p, action)
}

allows(st, action) if {
	st.effect == "Allow"
	not st.action.present
	st.not_action.present
	not st.not_action.unknown
	every p in st.not_action.values {
		not action_matches(p, action)
	}
}

# Whether statement `st` applies to every resource, or to resources chosen by a wildcard
# (`*`, `arn:aws:iam::*:role/*`), or to everything but a list (`NotResource`).
broad_resource(st) if {
	some r in st.resource.values
	contains(r, "*")
}

broad_resource(st) if {
	st.not_resource.present
	not st.resource.present
}

# `*` among the resources.
all_resources(st) if "*" in st.resource.values

# Whether statement `st` may deny `action` on every resource, unconditionally (or cannot be read).
may_deny(st, _) if st.effect == "?"

may_deny(st, action) if {
	st.effect == "Deny"
	not st.conditioned
	deny_covers_resources(st)
	deny_covers_action(st, action)
}

deny_covers_resources(st) if all_resources(st)

deny_covers_resources(st) if st.resource.unknown

deny_covers_action(st, action) if {
	some p in st.action.values
	action_matches(p, action)
}

deny_covers_action(st, _) if st.action.unknown

deny_covers_action(st, _) if st.not_action.unknown

deny_covers_action(st, action) if {
	not st.action.present
	st.not_action.present
	every p in st.not_action.values {
		not action_matches(p, action)
	}
}

# The actions of `targets` (a set of lowercase `service:action` names) that the statements `sts` grant on a
# broad set of resources and that no statement may take away.
granted_actions(sts, targets) := granted_actions_indexed(sts, targets, by_service(targets))

# `granted_actions` with `index` = `by_service(targets)` computed by the caller, once: a policy
# that checks many documents against the same targets should not rebuild it for each.
granted_actions_indexed(sts, targets, index) := result if {
	denials := [st | some st in sts; st.effect != "Allow"]
	result := {a |
		some st in sts
		st.effect == "Allow"
		broad_resource(st)
		some a in allowed_by(st, targets, index)
		not denied(denials, a)
	}
}

# Whether the statements `sts` grant `action` on a broad set of resources and no statement may
# take it away.
granted(sts, action) if lower(action) in granted_actions(sts, {lower(action)})

# `targets` grouped by service, so that a pattern is compared only with its service's actions.
by_service(targets) := {svc: [a | some a in targets; split(a, ":")[0] == svc] |
	some t in targets
	svc := split(t, ":")[0]
}

candidates(p, targets, index) := targets if {
	wildcard(split(p, ":")[0])
} else := object.get(index, split(p, ":")[0], [])

# The actions of `targets` that statement `st` allows (on some resource).
allowed_by(st, targets, index) := {a |
	some p in st.action.values
	some a in matching(lower(p), targets, index)
} if {
	st.effect == "Allow"
	st.action.present
} else := {a | some a in targets; allows(st, a)} if {
	st.effect == "Allow"
}

# The actions of `targets` that the lowercase pattern `p` matches: a name without wildcards
# matches itself only.
matching(p, targets, index) := {p} & targets if {
	not contains(p, "*")
	not contains(p, "?")
} else := {a | some a in candidates(p, targets, index); glob_match(p, a)}

denied(sts, action) if {
	some st in sts
	may_deny(st, action)
}

# Whether a statement grants every action on every resource (`"Action": "*"`, `"Resource": "*"`).
full_admin_statement(st) if {
	st.effect == "Allow"
	some p in st.action.values
	p in {"*", "*:*"}
	all_resources(st)
}

full_admin(sts) if {
	some st in sts
	full_admin_statement(st)
}

# Whether a statement lets anyone (`"Principal": "*"`, `{"AWS": "*"}`) in, without a condition.
# `NotPrincipal` in an Allow statement means everyone but the listed principals.
public_principal(st) if {
	some p in st.principal.values
	p.id == "*"
	p.type in {"*", "AWS"}
}

public_principal(st) if st.not_principal.present

public_statement(st) if {
	st.effect == "Allow"
	public_principal(st)
	not st.conditioned
}

# ---------------------------------------------------------------------------------------------
# Resources that carry IAM identity policies
#
# `identity_policies` holds {"res": resource, "obj": object holding the document, "key": its key,
# "doc": the policy value}; `trust_policies` the same for role trust policies.
# ---------------------------------------------------------------------------------------------

tf_policy_types := {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}

cfn_policy_types := {
	"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy",
	"AWS::IAM::RolePolicy", "AWS::IAM::GroupPolicy",
}

cfn_principal_types := {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"}

identity_policies contains x if {
	lib.is_terraform
	some t in tf_policy_types
	some r in lib.managed(t)
	v := lib.values(r)
	x := {"res": r, "obj": v, "key": "policy", "doc": v.policy}
}

identity_policies contains x if {
	lib.is_terraform
	some r in lib.managed("aws_iam_role")
	some b in lib.blocks(lib.values(r), "inline_policy")
	x := {"res": r, "obj": b, "key": "policy", "doc": b.policy}
}

identity_policies contains x if {
	lib.is_cloudformation
	some t in cfn_policy_types
	some r in lib.managed(t)
	v := lib.values(r)
	x := {"res": r, "obj": v, "key": "PolicyDocument", "doc": v.PolicyDocument}
}

identity_policies contains x if {
	lib.is_cloudformation
	some t in cfn_principal_types
	some r in lib.managed(t)
	ps := lib.values(r).Policies
	is_array(ps)
	some p in ps
	is_object(p)
	x := {"res": r, "obj": p, "key": "PolicyDocument", "doc": p.PolicyDocument}
}

trust_policies contains x if {
	lib.is_terraform
	some r in lib.managed("aws_iam_role")
	v := lib.values(r)
	x := {"res": r, "obj": v, "key": "assume_role_policy", "doc": v.assume_role_policy}
}

trust_policies contains x if {
	lib.is_cloudformation
	some r in lib.managed("AWS::IAM::Role")
	v := lib.values(r)
	x := {"res": r, "obj": v, "key": "AssumeRolePolicyDocument", "doc": v.AssumeRolePolicyDocument}
}

# Where a finding on policy `x` points.
policy_result(x, msg) := lib.attr_result(x.res, x.obj, x.key, msg)

# A short name for policy `x` in messages: the resource, and the inline policy's name if any.
policy_label(x) := sprintf("%s (inline policy %q)", [lib.describe(x.res), name]) if {
	x.obj != lib.values(x.res)
	name := policy_name(x.obj)
} else := lib.describe(x.res)

policy_name(o) := o.name if known_string(o.name)

policy_name(o) := o.PolicyName if known_string(o.PolicyName)

# ---------------------------------------------------------------------------------------------
# Security group rules
#
# `ingress_rules` / `egress_rules` hold every rule of the module, normalized:
#   {"res": resource, "obj": object for the finding's lines, "protocol": value, "from": value,
#    "to": value, "cidrs": [known CIDR strings]}
# ---------------------------------------------------------------------------------------------

ingress_rules := rules("ingress")

egress_rules := rules("egress")

tf_group_types := {"aws_security_group", "aws_default_security_group"}

rules(direction) := {x |
	lib.is_terraform
	some t in tf_group_types
	some r in lib.managed(t)
	some b in lib.blocks(lib.values(r), direction)
	x := tf_rule(r, b, b)
} | {x |
	lib.is_terraform
	some r in lib.managed("aws_security_group_rule")
	v := lib.values(r)
	v.type == direction
	x := tf_rule(r, v, r)
} | {x |
	lib.is_terraform
	some r in lib.managed(sprintf("aws_vpc_security_group_%s_rule", [direction]))
	v := lib.values(r)
	x := {
		"res": r, "obj": r,
		"protocol": object.get(v, "ip_protocol", null),
		"from": object.get(v, "from_port", null),
		"to": object.get(v, "to_port", null),
		"cidrs": [c | some k in ["cidr_ipv4", "cidr_ipv6"]; c := v[k]; is_string(c)],
	}
} | {x |
	lib.is_cloudformation
	some r in lib.managed("AWS::EC2::SecurityGroup")
	items := lib.values(r)[cfn_group_key[direction]]
	is_array(items)
	some b in items
	is_object(b)
	not lib.is_unknown(b)
	x := cfn_rule(r, b, b)
} | {x |
	lib.is_cloudformation
	some r in lib.managed(cfn_rule_type[direction])
	x := cfn_rule(r, lib.values(r), r)
}

cfn_group_key := {"ingress": "SecurityGroupIngress", "egress": "SecurityGroupEgress"}

cfn_rule_type := {"ingress": "AWS::EC2::SecurityGroupIngress", "egress": "AWS::EC2::SecurityGroupEgress"}

tf_rule(r, b, loc) := {
	"res": r, "obj": loc,
	"protocol": object.get(b, "protocol", null),
	"from": object.get(b, "from_port", null),
	"to": object.get(b, "to_port", null),
	"cidrs": [c | some k in ["cidr_blocks", "ipv6_cidr_blocks"]; cs := b[k]; is_array(cs); some c in cs; is_string(c)],
}

cfn_rule(r, b, loc) := {
	"res": r, "obj": loc,
	"protocol": object.get(b, "IpProtocol", null),
	"from": object.get(b, "FromPort", null),
	"to": object.get(b, "ToPort", null),
	"cidrs": [c | some k in ["CidrIp", "CidrIpv6"]; c := b[k]; is_string(c)],
}

# The CIDR ranges of rule `x` that mean "the whole internet".
public_cidrs(x) := [c | some c in x.cidrs; lib.public_cidr(c)]

public_rule(x) if count(public_cidrs(x)) > 0

# Protocol `-1` / `all`: every protocol and port.
all_protocols(x) if {
	lib.number(x.protocol) == -1
} else if {
	lower_in(x.protocol, {"all", "-1"})
}

tcp(x) if {
	lower_in(x.protocol, {"tcp", "6"})
} else if {
	lib.number(x.protocol) == 6
}

udp(x) if {
	lower_in(x.protocol, {"udp", "17"})
} else if {
	lib.number(x.protocol) == 17
}

# Whether the known port range of rule `x` includes `port`.
port_in_range(x, port) if {
	from := lib.number(x.from)
	to := lib.number(x.to)
	from <= port
	port <= to
}

# A rule that opens every port: all protocols, or the whole TCP or UDP port range.
all_ports(x) if {
	all_protocols(x)
} else if {
	tcp_or_udp(x)
	lib.number(x.from) <= 1
	lib.number(x.to) >= 65535
}

tcp_or_udp(x) if {
	tcp(x)
} else if {
	udp(x)
}

# A TCP (or, with `udp_too`, UDP) rule that opens `port` without opening every port (rules
# that open everything are reported once, by aws-sg-ingress-public-all-ports).
opens_port(x, port, udp_too) if {
	tcp(x)
	port_in_range(x, port)
	not all_ports(x)
} else if {
	udp_too == true
	udp(x)
	port_in_range(x, port)
	not all_ports(x)
}

# `[from, to]`, the known port range of TCP rule `x`, when it does not open every port: the
# ports for which `opens_port(x, port, false)` holds.
tcp_range(x) := [from, to] if {
	tcp(x)
	not all_ports(x)
	from := lib.number(x.from)
	to := lib.number(x.to)
}

rule_result(x, msg) := block_result(x.res, x.obj, msg)

describe_rule(x) := sprintf("%s (rule at line %d)", [lib.describe(x.res), x.obj.__line__]) if {
	x.obj != x.res
	is_number(x.obj.__line__)
} else := lib.describe(x.res)
