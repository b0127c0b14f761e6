package rampart.aws.s3_bucket_unencrypted

import data.rampart.aws.lib_data as t

sse(name, line, bucket) := t.tf_res("aws_s3_bucket_server_side_encryption_configuration", name, line, {
	"bucket": bucket,
	"rule": [t.block(line + 2, {"apply_server_side_encryption_by_default": [t.block(line + 3, {"sse_algorithm": "aws:kms"})]})],
})

test_bucket_without_encryption_is_denied if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	b := t.tf_res("aws_s3_bucket", "b", 20, {"bucket": "acme-b"})
	r := deny with input as t.tf([a, b, sse("a", 40, t.tf_ref("aws_s3_bucket.a"))])
	count(r) == 1
	[x.line | some x in r] == [20]
}

test_cloudformation_bucket_without_encryption_is_denied if {
	r := deny with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Data", 5, {"BucketName": "acme-data"})])
	count(r) == 1
	[x.line | some x in r] == [5]
}

test_encrypted_buckets_are_allowed if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	legacy := t.tf_res("aws_s3_bucket", "legacy", 20, {"bucket": "acme-legacy", "server_side_encryption_configuration": [t.block(22, {"rule": [t.block(23, {})]})]})
	by_name := t.tf_res("aws_s3_bucket", "c", 40, {"bucket": "acme-c"})
	count(deny) == 0 with input as t.tf([a, legacy, by_name, sse("a", 60, t.tf_ref("aws_s3_bucket.a")), sse("c", 70, "acme-c")])
	enc := t.block(8, {"ServerSideEncryptionConfiguration": [t.block(9, {"ServerSideEncryptionByDefault": t.block(10, {"SSEAlgorithm": "aws:kms"})})]})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Data", 5, {"BucketEncryption": enc})])
}

test_configuration_for_an_unknown_bucket_is_not_decided if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	count(deny) == 0 with input as t.tf([a, sse("x", 40, t.unknown("module.buckets.id", []))])
}
