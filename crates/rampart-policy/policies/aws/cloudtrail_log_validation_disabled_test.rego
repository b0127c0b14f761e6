package rampart.aws.cloudtrail_log_validation_disabled

import data.rampart.aws.lib_iam as t

test_trails_without_validation_are_denied if {
	a := t.tf_res("aws_cloudtrail", "main", 1, {"s3_bucket_name": "trail-logs"})
	b := t.tf_res("aws_cloudtrail", "eu", 20, {"enable_log_file_validation": false, "__spans__": {"enable_log_file_validation": [24, 24]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 24}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::CloudTrail::Trail", "Trail", 5, {"IsLogging": true})])
}

test_validated_trails_are_allowed if {
	count(deny) == 0 with input as t.tf([t.tf_res("aws_cloudtrail", "main", 1, {"enable_log_file_validation": true})])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::CloudTrail::Trail", "Trail", 5, {"EnableLogFileValidation": "true"})])
}
