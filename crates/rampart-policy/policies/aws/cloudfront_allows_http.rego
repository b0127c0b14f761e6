# METADATA
# id: aws-cloudfront-allows-http
# title: CloudFront distribution serves viewers over plain HTTP
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::CloudFront::Distribution", aws_cloudfront_distribution]
# description: >-
#   A cache behaviour of the distribution has `viewer_protocol_policy = "allow-all"`
#   (CloudFormation `ViewerProtocolPolicy: allow-all`), so viewers can fetch the content, and
#   send cookies and form data, over unencrypted HTTP where it can be read or tampered with.
#   Checked on the default cache behaviour and every ordered cache behaviour.
# remediation: >-
#   Set `viewer_protocol_policy = "redirect-to-https"` (or `"https-only"`) on every cache
#   behaviour.
# references:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-defaultcachebehavior.html
package rampart.aws.cloudfront_allows_http

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some d in lib.managed("aws_cloudfront_distribution")
	some key in ["default_cache_behavior", "ordered_cache_behavior"]
	some b in lib.blocks(lib.values(d), key)
	b.viewer_protocol_policy == "allow-all"
	r := lib.attr_result(d, b, "viewer_protocol_policy", sprintf("%s lets viewers use plain HTTP (%s%s has viewer_protocol_policy = \"allow-all\")", [lib.describe(d), key, path(b, "path_pattern")]))
}

deny contains r if {
	lib.is_cloudformation
	some d in lib.managed("AWS::CloudFront::Distribution")
	dc := lib.values(d).DistributionConfig
	is_object(dc)
	some b in cfn_behaviors(dc)
	b.ViewerProtocolPolicy == "allow-all"
	r := lib_iam.block_result(d, b, sprintf("%s lets viewers use plain HTTP (a cache behavior%s has ViewerProtocolPolicy: allow-all)", [lib.describe(d), path(b, "PathPattern")]))
}

cfn_behaviors(dc) := array.concat(
	[b | b := dc.DefaultCacheBehavior; is_object(b)],
	[b | some b in dc.CacheBehaviors; is_object(b)],
)

path(b, key) := sprintf(" for %q", [b[key]]) if is_string(b[key]) else := ""
