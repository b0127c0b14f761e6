package rampart.aws.s3_bucket_versioning_disabled

import data.rampart.aws.lib_data as t

versioning(name, line, bucket, status) := t.tf_res("aws_s3_bucket_versioning", name, line, {
	"bucket": bucket,
	"versioning_configuration": [t.block(line + 2, {"status": status, "__spans__": {"status": [line + 3, line + 3]}})],
})

test_unversioned_buckets_are_denied if {
	none := t.tf_res("aws_s3_bucket", "none", 1, {"bucket": "acme-none"})
	suspended := t.tf_res("aws_s3_bucket", "suspended", 20, {"bucket": "acme-suspended"})
	legacy := t.tf_res("aws_s3_bucket", "legacy", 40, {"bucket": "acme-legacy", "versioning": [t.block(42, {"enabled": false, "__spans__": {"enabled": [43, 43]}})]})
	r := deny with input as t.tf([none, suspended, legacy, versioning("s", 60, t.tf_ref("aws_s3_bucket.suspended"), "Suspended")])
	count(r) == 3
	{x.line | some x in r} == {1, 43, 63}
}

test_cloudformation_unversioned_buckets_are_denied if {
	a := t.cfn_res("AWS::S3::Bucket", "A", 5, {})
	b := t.cfn_res("AWS::S3::Bucket", "B", 20, {"VersioningConfiguration": t.block(23, {"Status": "Suspended"})})
	r := deny with input as t.cfn([a, b])
	count(r) == 2
	{x.line | some x in r} == {5, 20}
}

test_versioned_buckets_are_allowed if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	b := t.tf_res("aws_s3_bucket", "b", 20, {"bucket": "acme-b"})
	legacy := t.tf_res("aws_s3_bucket", "legacy", 40, {"bucket": "acme-legacy", "versioning": [t.block(42, {"enabled": true})]})
	unclear := t.tf_res("aws_s3_bucket", "unclear", 80, {"bucket": "acme-unclear"})
	doc := t.tf([a, b, legacy, versioning("a", 60, t.tf_ref("aws_s3_bucket.a"), "Enabled"), versioning("b", 70, "acme-b", "Enabled")])
	count(deny) == 0 with input as doc
	count(deny) == 0 with input as t.tf([unclear, versioning("u", 90, t.unknown("var.bucket", []), "Enabled")])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "A", 5, {"VersioningConfiguration": t.block(7, {"Status": "Enabled"})})])
}
