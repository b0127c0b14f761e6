package rampart.aws.cloudfront_access_logging_disabled

import data.rampart.aws.lib_data as t

test_distributions_without_logging_are_denied if {
	a := t.tf_res("aws_cloudfront_distribution", "site", 43, {"enabled": true, "origin": [t.block(46, {"domain_name": "site.s3.amazonaws.com"})]})
	b := t.tf_res("aws_cloudfront_distribution", "assets", 90, {"enabled": true})
	other := t.tf_res("aws_cloudwatch_log_delivery_source", "assets", 120, {"log_type": "ACCESS_LOGS", "resource_arn": t.unknown("aws_cloudfront_distribution.site2.arn", ["aws_cloudfront_distribution.site2"])})
	site2 := t.tf_res("aws_cloudfront_distribution", "site2", 140, {"logging_config": [t.block(145, {"bucket": "logs.s3.amazonaws.com"})]})
	r := deny with input as t.tf([a, b, other, site2])
	count(r) == 2
	{x.line | some x in r} == {43, 90}
	c := t.cfn_res("AWS::CloudFront::Distribution", "Cdn", 213, {"DistributionConfig": t.block(215, {"Enabled": true, "DefaultRootObject": "index.html"})})
	rc := deny with input as t.cfn([c])
	count(rc) == 1
	[x.line | some x in rc] == [213]
}

test_distributions_with_logging_are_allowed if {
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_cloudfront_distribution", "site", 1, {"enabled": true, "logging_config": [t.block(5, {"bucket": "cdn-logs.s3.amazonaws.com", "prefix": "site/"})]}),
		t.tf_res("aws_cloudfront_distribution", "v2", 20, {"enabled": true}),
		t.tf_res("aws_cloudwatch_log_delivery_source", "v2", 40, {"log_type": "ACCESS_LOGS", "resource_arn": t.unknown("aws_cloudfront_distribution.v2.arn", ["aws_cloudfront_distribution.v2"])}),
		t.tf_res("aws_cloudfront_distribution", "dyn", 60, {"logging_config": t.unknown("dynamic logging_config", [])}),
	])
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_cloudfront_distribution", "site", 1, {"enabled": true}),
		t.tf_res("aws_cloudwatch_log_delivery_source", "x", 40, {"log_type": "ACCESS_LOGS", "resource_arn": t.unknown("var.distribution_arn", [])}),
	])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::CloudFront::Distribution", "Cdn", 5, {"DistributionConfig": t.block(7, {"Enabled": true, "Logging": t.block(9, {"Bucket": t.unknown("Fn::GetAtt LogBucket.DomainName", ["LogBucket"])})})}),
		t.cfn_res("AWS::CloudFront::Distribution", "Dyn", 30, {"DistributionConfig": t.unknown("Fn::If Prod", [])}),
	])
}
