package rampart.aws.s3_bucket_public_access_block_missing

import data.rampart.aws.lib_data as t

pab(name, line, bucket) := t.tf_res("aws_s3_bucket_public_access_block", name, line, {
	"bucket": bucket,
	"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true,
})

test_bucket_without_block_is_denied if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	b := t.tf_res("aws_s3_bucket", "b", 20, {"bucket": "acme-b"})
	r := deny with input as t.tf([a, b, pab("a", 40, t.tf_ref("aws_s3_bucket.a"))])
	count(r) == 1
	[x.line | some x in r] == [20]
}

test_cloudformation_bucket_without_block_is_denied if {
	r := deny with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Data", 5, {"BucketName": "acme-data"})])
	count(r) == 1
	[x.line | some x in r] == [5]
}

test_blocked_buckets_are_allowed if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	b := t.tf_res("aws_s3_bucket", "b", 20, {"bucket": "acme-b"})
	count(deny) == 0 with input as t.tf([a, b, pab("a", 40, t.tf_ref("aws_s3_bucket.a")), pab("b", 50, "acme-b")])
	cfg := t.block(8, {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Data", 5, {"PublicAccessBlockConfiguration": cfg})])
}

test_account_block_covers_every_bucket if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	acct := t.tf_res("aws_s3_account_public_access_block", "this", 40, {
		"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true,
	})
	count(deny) == 0 with input as t.tf([a, acct])
}

test_block_for_an_unknown_bucket_is_not_decided if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	count(deny) == 0 with input as t.tf([a, pab("x", 40, t.unknown("var.bucket_name", []))])
}
