# METADATA
# id: aws-s3-bucket-access-logging-disabled
# title: S3 bucket server access logging is not enabled
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_bucket, aws_s3_bucket_logging]
# description: >-
#   The bucket does not write S3 server access logs: no `aws_s3_bucket_logging` refers to it and
#   it has no legacy inline `logging` block (CloudFormation: no `LoggingConfiguration`). Access
#   logs record every request (requester, operation, key, source IP, response), which is what an
#   investigation of a data leak needs and what CloudTrail records only for data events you pay
#   extra for. Buckets that receive access logs from other buckets are not flagged, since they
#   should not log into themselves.
# remediation: >-
#   Send the logs to a dedicated log bucket: `resource "aws_s3_bucket_logging" "data" { bucket =
#   aws_s3_bucket.data.id target_bucket = aws_s3_bucket.access_logs.id target_prefix =
#   "data/" }` (CloudFormation: `LoggingConfiguration: {DestinationBucketName: !Ref
#   AccessLogBucket, LogFilePrefix: data/}`), or enable CloudTrail S3 data events for the bucket.
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-loggingconfiguration.html
package rampart.aws.s3_bucket_access_logging_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	lib_data.absent(lib.values(b), "logging")
	count(lib_data.bucket_configs("aws_s3_bucket_logging", b)) == 0
	not lib_data.bucket_config_unclear("aws_s3_bucket_logging", b)
	not lib_data.log_target(b)
	r := lib.result(b, sprintf("%s has no server access logging", [lib.describe(b)]))
}

deny contains r if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
	lib_data.absent(lib.values(b), "LoggingConfiguration")
	not lib_data.log_target(b)
	r := lib.result(b, sprintf("%s has no LoggingConfiguration", [lib.describe(b)]))
}
