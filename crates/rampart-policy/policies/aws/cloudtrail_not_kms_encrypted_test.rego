package rampart.aws.cloudtrail_not_kms_encrypted

import data.rampart.aws.lib_iam as t

test_trails_without_kms_are_denied if {
	a := t.tf_res("aws_cloudtrail", "main", 1, {"s3_bucket_name": "trail-logs"})
	r := deny with input as t.tf([a])
	count(r) == 1
	[x.line | some x in r] == [1]
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::CloudTrail::Trail", "Trail", 5, {"IsLogging": true})])
}

test_trails_with_kms_are_allowed if {
	a := t.tf_res("aws_cloudtrail", "main", 1, {"kms_key_id": t.unknown("aws_kms_key.trail.arn", ["aws_kms_key.trail"])})
	count(deny) == 0 with input as t.tf([a])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::CloudTrail::Trail", "Trail", 5, {"KMSKeyId": "alias/trail"})])
}
