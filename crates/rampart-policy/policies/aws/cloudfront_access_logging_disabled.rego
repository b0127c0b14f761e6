# METADATA
# id: aws-cloudfront-access-logging-disabled
# title: CloudFront distribution access logging is not enabled
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::CloudFront::Distribution", "AWS::Logs::DeliverySource", aws_cloudfront_distribution, aws_cloudwatch_log_delivery_source]
# description: >-
#   The CloudFront distribution writes no standard (access) logs: aws_cloudfront_distribution has
#   no logging_config block (CloudFormation: DistributionConfig has no Logging), and no CloudWatch
#   Logs delivery source (aws_cloudwatch_log_delivery_source, AWS::Logs::DeliverySource) is
#   attached to it. Without them there is no record of the viewer requests the edge served
#   (client address, URI, status, edge location), which is what an investigation of scraping,
#   credential stuffing or data exfiltration through the CDN needs.
# remediation: >-
#   Enable standard logging to an S3 bucket that has ACLs enabled for the log delivery:
#   `logging_config { bucket = aws_s3_bucket.cdn_logs.bucket_domain_name prefix = "site/"
#   include_cookies = false }` (CloudFormation `DistributionConfig: {Logging: {Bucket:
#   !GetAtt CdnLogBucket.DomainName, Prefix: site/}}`), or attach a CloudWatch Logs delivery
#   source with log_type ACCESS_LOGS to the distribution.
# references:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#logging-config-arguments
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-logging.html
package rampart.aws.cloudfront_access_logging_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# A CloudWatch Logs delivery source (standard logging v2) that is, or may be, this distribution's.
delivery_source(d, t, arg) if count(lib_data.attached(t, arg, d, "arn")) > 0

delivery_source(d, t, arg) if lib_data.attachment_unclear(t, arg, d, "arn")

deny contains r if {
	lib.is_terraform
	some d in lib.managed("aws_cloudfront_distribution")
	v := lib.values(d)
	count(lib.blocks(v, "logging_config")) == 0
	not lib.is_unknown(object.get(v, "logging_config", null))
	not delivery_source(d, "aws_cloudwatch_log_delivery_source", "resource_arn")
	r := lib.result(d, sprintf("%s writes no access logs (no logging_config block)", [lib.describe(d)]))
}

deny contains r if {
	lib.is_cloudformation
	some d in lib.managed("AWS::CloudFront::Distribution")
	dc := lib.values(d).DistributionConfig
	is_object(dc)
	not lib.is_unknown(dc)
	lib_data.absent(dc, "Logging")
	not delivery_source(d, "AWS::Logs::DeliverySource", "ResourceArn")
	r := lib.result(d, sprintf("%s writes no access logs (DistributionConfig has no Logging)", [lib.describe(d)]))
}
