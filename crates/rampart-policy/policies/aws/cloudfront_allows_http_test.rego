package rampart.aws.cloudfront_allows_http

import data.rampart.aws.lib_iam as t

test_allow_all_behaviors_are_denied if {
	d := t.tf_res("aws_cloudfront_distribution", "site", 1, {
		"default_cache_behavior": [t.block(5, {"viewer_protocol_policy": "allow-all", "__spans__": {"viewer_protocol_policy": [7, 7]}})],
		"ordered_cache_behavior": [
			t.block(12, {"path_pattern": "/api/*", "viewer_protocol_policy": "https-only"}),
			t.block(18, {"path_pattern": "/static/*", "viewer_protocol_policy": "allow-all"}),
		],
	})
	r := deny with input as t.tf([d])
	count(r) == 2
	{x.line | some x in r} == {7, 18}
}

test_cloudformation_allow_all_is_denied if {
	d := t.cfn_res("AWS::CloudFront::Distribution", "Cdn", 5, {"DistributionConfig": t.block(7, {"Enabled": true, "DefaultCacheBehavior": t.block(9, {"ViewerProtocolPolicy": "allow-all", "TargetOriginId": "s3"})})})
	r := deny with input as t.cfn([d])
	count(r) == 1
	[x.line | some x in r] == [9]
}

test_https_behaviors_are_allowed if {
	d := t.tf_res("aws_cloudfront_distribution", "site", 1, {"default_cache_behavior": [t.block(5, {"viewer_protocol_policy": "redirect-to-https"})]})
	count(deny) == 0 with input as t.tf([d])
	c := t.cfn_res("AWS::CloudFront::Distribution", "Cdn", 5, {"DistributionConfig": t.block(7, {"DefaultCacheBehavior": t.block(9, {"ViewerProtocolPolicy": "redirect-to-https"}), "CacheBehaviors": [t.block(14, {"PathPattern": "/api/*", "ViewerProtocolPolicy": "https-only"})]})})
	count(deny) == 0 with input as t.cfn([c])
}
