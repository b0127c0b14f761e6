package rampart.aws.s3_bucket_access_logging_disabled

import data.rampart.aws.lib_data as t

test_bucket_without_logging_is_denied if {
	data_bucket := t.tf_res("aws_s3_bucket", "data", 1, {"bucket": "acme-data"})
	other := t.tf_res("aws_s3_bucket", "other", 20, {"bucket": "acme-other"})
	logs := t.tf_res("aws_s3_bucket", "logs", 40, {"bucket": "acme-logs"})
	l := t.tf_res("aws_s3_bucket_logging", "data", 60, {"bucket": t.tf_ref("aws_s3_bucket.data"), "target_bucket": t.tf_ref("aws_s3_bucket.logs")})
	r := deny with input as t.tf([data_bucket, other, logs, l])
	count(r) == 1
	[x.line | some x in r] == [20]
}

test_cloudformation_bucket_without_logging_is_denied if {
	a := t.cfn_res("AWS::S3::Bucket", "Data", 5, {"LoggingConfiguration": t.block(8, {"DestinationBucketName": t.cfn_ref("Logs")})})
	logs := t.cfn_res("AWS::S3::Bucket", "Logs", 20, {})
	b := t.cfn_res("AWS::S3::Bucket", "Other", 40, {})
	r := deny with input as t.cfn([a, logs, b])
	count(r) == 1
	[x.line | some x in r] == [40]
}

test_logged_buckets_are_allowed if {
	legacy := t.tf_res("aws_s3_bucket", "legacy", 1, {"bucket": "acme-legacy", "logging": [t.block(3, {"target_bucket": "acme-logs"})]})
	logs := t.tf_res("aws_s3_bucket", "logs", 20, {"bucket": "acme-logs"})
	by_name := t.tf_res("aws_s3_bucket", "b", 40, {"bucket": "acme-b"})
	l := t.tf_res("aws_s3_bucket_logging", "b", 60, {"bucket": "acme-b", "target_bucket": "acme-logs"})
	count(deny) == 0 with input as t.tf([legacy, logs, by_name, l])
	u := t.tf_res("aws_s3_bucket", "u", 1, {"bucket": "acme-u"})
	count(deny) == 0 with input as t.tf([u, t.tf_res("aws_s3_bucket_logging", "x", 20, {"bucket": t.unknown("var.bucket", []), "target_bucket": "central-logs"})])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Logs", 5, {"AccessControl": "LogDeliveryWrite"})])
}
