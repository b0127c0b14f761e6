# METADATA
# id: aws-cloudfront-outdated-tls
# title: CloudFront distribution accepts outdated TLS versions
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::CloudFront::Distribution", aws_cloudfront_distribution]
# description: >-
#   The distribution serves a custom certificate (ACM or IAM) with a minimum viewer protocol
#   below TLS 1.2 (`minimum_protocol_version` of `SSLv3`, `TLSv1`, `TLSv1_2016` or
#   `TLSv1.1_2016`, or not set, which means `TLSv1`). Viewers can then negotiate deprecated
#   protocol versions with known weaknesses. Distributions on the default `*.cloudfront.net`
#   certificate cannot change this and are not reported.
# remediation: >-
#   Set `viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" ssl_support_method =
#   "sni-only" }` (CloudFormation `MinimumProtocolVersion: TLSv1.2_2021`).
# references:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#viewer-certificate-arguments
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-viewercertificate.html
package rampart.aws.cloudfront_outdated_tls

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

old := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

deny contains r if {
	lib.is_terraform
	some d in lib.managed("aws_cloudfront_distribution")
	some c in lib.blocks(lib.values(d), "viewer_certificate")
	custom_certificate(c, ["acm_certificate_arn", "iam_certificate_id"])
	version := minimum(c, "minimum_protocol_version")
	version in old
	r := lib.attr_result(d, c, "minimum_protocol_version", sprintf("%s accepts %s from viewers (minimum_protocol_version below TLSv1.2)", [lib.describe(d), version]))
}

deny contains r if {
	lib.is_cloudformation
	some d in lib.managed("AWS::CloudFront::Distribution")
	c := lib.values(d).DistributionConfig.ViewerCertificate
	is_object(c)
	custom_certificate(c, ["AcmCertificateArn", "IamCertificateId"])
	version := minimum(c, "MinimumProtocolVersion")
	version in old
	r := lib_iam.block_result(d, c, sprintf("%s accepts %s from viewers (MinimumProtocolVersion below TLSv1.2)", [lib.describe(d), version]))
}

custom_certificate(c, keys) if {
	some k in keys
	x := c[k]
	x != null
	x != ""
}

minimum(c, key) := "TLSv1" if lib_iam.absent(c, key)

minimum(c, key) := c[key] if is_string(c[key])
