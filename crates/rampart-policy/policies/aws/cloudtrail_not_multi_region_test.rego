package rampart.aws.cloudtrail_not_multi_region

import data.rampart.aws.lib_iam as t

test_single_region_trails_are_denied if {
	a := t.tf_res("aws_cloudtrail", "main", 1, {"s3_bucket_name": "trail-logs"})
	b := t.tf_res("aws_cloudtrail", "eu", 20, {"s3_bucket_name": "trail-logs", "is_multi_region_trail": false, "__spans__": {"is_multi_region_trail": [23, 23]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 23}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::CloudTrail::Trail", "Trail", 5, {"IsLogging": true, "IsMultiRegionTrail": "false"})])
}

test_multi_region_trails_are_allowed if {
	a := t.tf_res("aws_cloudtrail", "main", 1, {"is_multi_region_trail": true})
	b := t.tf_res("aws_cloudtrail", "var", 20, {"is_multi_region_trail": t.unknown("var.multi", [])})
	count(deny) == 0 with input as t.tf([a, b])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::CloudTrail::Trail", "Trail", 5, {"IsMultiRegionTrail": true})])
}
