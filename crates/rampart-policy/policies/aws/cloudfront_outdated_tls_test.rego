package rampart.aws.cloudfront_outdated_tls

import data.rampart.aws.lib_iam as t

test_custom_certificates_with_old_tls_are_denied if {
	a := t.tf_res("aws_cloudfront_distribution", "site", 1, {"viewer_certificate": [t.block(30, {"acm_certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc", "ssl_support_method": "sni-only", "minimum_protocol_version": "TLSv1.1_2016", "__spans__": {"minimum_protocol_version": [33, 33]}})]})
	b := t.tf_res("aws_cloudfront_distribution", "docs", 50, {"viewer_certificate": [t.block(60, {"acm_certificate_arn": t.unknown("aws_acm_certificate.docs.arn", ["aws_acm_certificate.docs"]), "ssl_support_method": "sni-only"})]})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {33, 60}
	c := t.cfn_res("AWS::CloudFront::Distribution", "Cdn", 5, {"DistributionConfig": {"ViewerCertificate": t.block(20, {"AcmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/abc", "MinimumProtocolVersion": "TLSv1"})}})
	count(deny) == 1 with input as t.cfn([c])
}

test_modern_or_default_certificates_are_allowed if {
	a := t.tf_res("aws_cloudfront_distribution", "site", 1, {"viewer_certificate": [t.block(30, {"acm_certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc", "minimum_protocol_version": "TLSv1.2_2021"})]})
	b := t.tf_res("aws_cloudfront_distribution", "dev", 50, {"viewer_certificate": [t.block(60, {"cloudfront_default_certificate": true})]})
	count(deny) == 0 with input as t.tf([a, b])
}
