# Helpers for the AWS data-store policies (S3, EBS, RDS, ...), on Terraform and CloudFormation
# documents. No METADATA block: this module is not a policy.
package rampart.aws.lib_data

import data.rampart.cloud.lib

# ---------------------------------------------------------------------------------------------
# Resources that configure another resource (an `aws_s3_bucket_versioning` pointing at a bucket)
# ---------------------------------------------------------------------------------------------

# Managed resources of type `t` whose argument `arg` points at resource `b`: by reference, or by
# the literal value `b` has in its argument `key` (a bucket named "logs" referred to as "logs").
attached(t, arg, b, key) := [c |
	some c in lib.managed(t)
	lib.points_at(object.get(lib.values(c), arg, null), b, key)
]

# Whether some resource of type `t` may point at `b` without the document saying so (its `arg`
# is a variable without a default, a module output, a name computed at apply time...). A policy
# that reports a missing companion resource must stay silent then.
attachment_unclear(t, arg, b, key) if {
	some c in lib.managed(t)
	v := object.get(lib.values(c), arg, null)
	not lib.points_at(v, b, key)
	not points_elsewhere(v, b, key)
}

# `v` certainly names something other than `b`.
points_elsewhere(v, _, _) if v == null

points_elsewhere(v, b, _) if {
	lib.is_unknown(v)
	some x in object.get(v, "__refs__", [])
	some o in lib.managed(b.type)
	lib.ref(o) == x
	x != lib.ref(b)
}

points_elsewhere(v, b, key) if {
	is_string(v)
	name := lib.values(b)[key]
	is_string(name)
	v != name
}

# `b` has no name of its own (`bucket_prefix`, or a generated name): a literal cannot name it.
points_elsewhere(v, b, key) if {
	is_string(v)
	not lib.has(lib.values(b), key)
}

# An argument that is set to something (known or not): not absent, not null, not "".
given(o, key) if {
	v := o[key]
	v != null
	v != ""
}

# An argument that is absent (or null): the provider's default applies.
absent(o, key) if not lib.has(o, key)

absent(o, key) if o[key] == null

# The first block `key` of `o`, or {} when there is none.
first_block(o, key) := b if {
	bs := lib.blocks(o, key)
	count(bs) > 0
	b := bs[0]
} else := {}

# ---------------------------------------------------------------------------------------------
# S3
# ---------------------------------------------------------------------------------------------

# Terraform configuration resources of type `t` (`aws_s3_bucket_versioning`) for bucket `b`.
bucket_configs(t, b) := attached(t, "bucket", b, "bucket")

bucket_config_unclear(t, b) if attachment_unclear(t, "bucket", b, "bucket")

# Whether bucket `b` receives S3 server access logs of other buckets: logging a log bucket
# into itself or into yet another bucket is not expected, so the logging check skips it.
log_target(b) if {
	lib.is_terraform
	some l in lib.managed("aws_s3_bucket_logging")
	lib.points_at(object.get(lib.values(l), "target_bucket", null), b, "bucket")
}

log_target(b) if {
	lib.is_terraform
	some o in lib.managed("aws_s3_bucket")
	some l in lib.blocks(lib.values(o), "logging")
	lib.points_at(object.get(l, "target_bucket", null), b, "bucket")
}

log_target(b) if {
	lib.is_terraform
	lib.values(b).acl == "log-delivery-write"
}

log_target(b) if {
	lib.is_terraform
	some a in bucket_configs("aws_s3_bucket_acl", b)
	lib.values(a).acl == "log-delivery-write"
}

log_target(b) if {
	lib.is_cloudformation
	some o in lib.managed("AWS::S3::Bucket")
	lc := object.get(lib.values(o), "LoggingConfiguration", {})
	is_object(lc)
	lib.points_at(object.get(lc, "DestinationBucketName", null), b, "BucketName")
}

log_target(b) if {
	lib.is_cloudformation
	lib.values(b).AccessControl == "LogDeliveryWrite"
}

# Policy values (JSON strings, objects, or unknown markers) that apply to bucket `b`.
bucket_policies(b) := array.concat(inline, attached_policies) if {
	lib.is_terraform
	inline := [p | p := lib.values(b).policy; p != null; p != ""]
	attached_policies := [lib.values(c).policy | some c in bucket_configs("aws_s3_bucket_policy", b); lib.has(lib.values(c), "policy")]
}

bucket_policies(b) := [object.get(lib.values(c), "PolicyDocument", null) |
	some c in attached("AWS::S3::BucketPolicy", "Bucket", b, "BucketName")
] if lib.is_cloudformation

# Whether some bucket policy resource might apply to `b` without the document saying so.
bucket_policy_unclear(b) if {
	lib.is_terraform
	bucket_config_unclear("aws_s3_bucket_policy", b)
}

bucket_policy_unclear(b) if {
	lib.is_cloudformation
	attachment_unclear("AWS::S3::BucketPolicy", "Bucket", b, "BucketName")
}

# ---------------------------------------------------------------------------------------------
# IAM policy documents, normalized so that JSON documents (`jsonencode`, heredocs, CloudFormation
# `PolicyDocument`) and `aws_iam_policy_document` data sources look the same:
#   {"effect": "Allow"|"Deny"|"?", "public": bool, "conditioned": bool, "conditions": [...]}
# with conditions as {"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}.
# `policy_statements(p)` is undefined when the document cannot be read completely.
# ---------------------------------------------------------------------------------------------

policy_statements(p) := json_statements(doc) if {
	is_string(p)
	json.is_valid(p)
	doc := json.unmarshal(p)
}

policy_statements(p) := json_statements(p) if {
	is_object(p)
	not lib.is_unknown(p)
}

policy_statements(p) := document_statements(d) if {
	lib.is_unknown(p)
	refs := object.get(p, "__refs__", [])
	count(refs) == 1
	docs := [x | some x in lib.data_sources("aws_iam_policy_document"); lib.ref(x) == refs[0]]
	count(docs) == 1
	d := docs[0]
	complete_document(d)
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

json_statements(doc) := [json_statement(s) | some s in as_list(doc.Statement); is_object(s)] if {
	is_object(doc)
	not lib.is_unknown(doc.Statement)
	every s in as_list(object.get(doc, "Statement", [])) {
		not lib.is_unknown(s)
	}
}

json_statement(s) := {
	"effect": effect,
	"public": json_public(s, effect),
	"conditioned": json_conditioned(s, conds),
	"conditions": conds,
} if {
	effect := json_effect(s)
	conds := json_conditions(s)
}

# A `Condition` that is present but unreadable (a placeholder, an `Fn::If`) counts as one.
json_conditioned(s, conds) := true if {
	count(conds) > 0
} else := true if {
	c := s.Condition
	c != null
	not empty_object(c)
} else := false

empty_object(o) if {
	is_object(o)
	not lib.is_unknown(o)
	count([k | some k, _ in o; not meta_key(k)]) == 0
}

json_effect(s) := s.Effect if is_string(s.Effect)

json_effect(s) := "?" if not is_string(s.Effect)

# Keys the parser adds to objects (`__line__`, `__end_line__`, `__spans__`).
meta_key(k) if startswith(k, "__")

json_public(s, effect) := true if {
	some v in principal_values(object.get(s, "Principal", null))
	v == "*"
} else := true if {
	effect == "Allow"
	lib.has(s, "NotPrincipal")
} else := false

principal_values(p) := ["*"] if p == "*"

principal_values(p) := [v |
	some k, x in p
	not meta_key(k)
	some v in as_list(x)
] if {
	is_object(p)
	not lib.is_unknown(p)
}

json_conditions(s) := [{"test": op, "variable": k, "values": as_list(v)} |
	some op, kv in s.Condition
	not meta_key(op)
	is_object(kv)
	some k, v in kv
	not meta_key(k)
] if {
	is_object(s.Condition)
	not lib.is_unknown(s.Condition)
}

json_conditions(s) := [] if not known_object(object.get(s, "Condition", null))

known_object(o) if {
	is_object(o)
	not lib.is_unknown(o)
}

# `aws_iam_policy_document` arguments that merge in other documents this check cannot read.
merging_args := ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

complete_document(d) if {
	v := lib.values(d)
	not lib.is_unknown(object.get(v, "statement", []))
	every s in as_list(object.get(v, "statement", [])) {
		not lib.is_unknown(s)
	}
	every a in merging_args {
		not set_non_empty(v, a)
	}
}

set_non_empty(o, key) if {
	given(o, key)
	o[key] != []
}

document_statements(d) := [tf_statement(s) | some s in lib.blocks(lib.values(d), "statement")]

tf_statement(s) := {
	"effect": effect,
	"public": tf_public(s, effect),
	"conditioned": tf_conditioned(s, conds),
	"conditions": conds,
} if {
	effect := tf_effect(s)
	conds := [{"test": object.get(c, "test", ""), "variable": object.get(c, "variable", ""), "values": as_list(object.get(c, "values", []))} |
		some c in lib.blocks(s, "condition")
	]
}

tf_effect(s) := "Allow" if absent(s, "effect")

tf_effect(s) := s.effect if is_string(s.effect)

tf_effect(s) := "?" if lib.is_unknown(s.effect)

tf_public(s, effect) := true if {
	some p in lib.blocks(s, "principals")
	tf_public_principal(p)
} else := true if {
	effect == "Allow"
	count(lib.blocks(s, "not_principals")) > 0
} else := false

tf_public_principal(p) if p.type == "*"

tf_public_principal(p) if {
	p.type == "AWS"
	"*" in as_list(object.get(p, "identifiers", []))
}

# A statement whose conditions are present but unreadable counts as conditioned.
tf_conditioned(s, conds) := true if {
	count(conds) > 0
} else := true if {
	lib.is_unknown(s.condition)
} else := false

# A statement that grants to everyone, with no condition narrowing it.
public_allow(st) if {
	st.effect == "Allow"
	st.public
	not st.conditioned
}

# A statement that denies requests not sent over TLS (`aws:SecureTransport` is false).
denies_insecure_transport(st) if {
	st.effect == "Deny"
	some c in st.conditions
	is_string(c.test)
	is_string(c.variable)
	lower(c.test) in {"bool", "boolifexists"}
	lower(c.variable) == "aws:securetransport"
	some v in c.values
	lib.is_false(v)
}

# ---------------------------------------------------------------------------------------------
# EBS
# ---------------------------------------------------------------------------------------------

# Whether the module turns on (or may turn on) EBS encryption by default for the account and
# region: new volumes are then encrypted whatever the volume says.
ebs_default_encryption if {
	some r in lib.managed("aws_ebs_encryption_by_default")
	not lib.is_false(object.get(lib.values(r), "enabled", true))
}

# ---------------------------------------------------------------------------------------------
# RDS
# ---------------------------------------------------------------------------------------------

# An engine name that is known and starts with `prefix` (case-insensitive).
engine_is(o, key, prefix) if {
	e := o[key]
	is_string(e)
	startswith(lower(e), prefix)
}

# A Terraform `aws_db_instance` that is a member of an Aurora cluster (the cluster holds
# encryption, backups, deletion protection and IAM authentication).
tf_aurora_member(v) if engine_is(v, "engine", "aurora")

# A CloudFormation `AWS::RDS::DBInstance` that is a member of an Aurora (or Multi-AZ) cluster.
cfn_cluster_member(v) if given(v, "DBClusterIdentifier")

cfn_cluster_member(v) if engine_is(v, "Engine", "aurora")
