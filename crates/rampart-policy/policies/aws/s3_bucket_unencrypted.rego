# METADATA
# id: aws-s3-bucket-unencrypted
# title: S3 bucket declares no default encryption
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
# description: >-
#   The bucket has no default server-side encryption configuration: no
#   `aws_s3_bucket_server_side_encryption_configuration` refers to it and it has no legacy inline
#   `server_side_encryption_configuration` block (CloudFormation: no `BucketEncryption`). Since
#   January 2023 S3 encrypts every new object with S3-managed keys (SSE-S3) anyway, so the data
#   is not stored in clear and this is low; declaring the configuration keeps the encryption
#   choice visible and reviewable in code, and is where a KMS key (SSE-KMS, with key policies
#   and CloudTrail records of every decryption) is chosen for sensitive data.
# remediation: >-
#   Add `resource "aws_s3_bucket_server_side_encryption_configuration" "data" { bucket =
#   aws_s3_bucket.data.id rule { apply_server_side_encryption_by_default { sse_algorithm =
#   "aws:kms" kms_master_key_id = aws_kms_key.s3.arn } bucket_key_enabled = true } }`
#   (CloudFormation: `BucketEncryption.ServerSideEncryptionConfiguration` with
#   `SSEAlgorithm: aws:kms` and `KMSMasterKeyID`).
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-bucketencryption.html
package rampart.aws.s3_bucket_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	lib_data.absent(lib.values(b), "server_side_encryption_configuration")
	count(lib_data.bucket_configs("aws_s3_bucket_server_side_encryption_configuration", b)) == 0
	not lib_data.bucket_config_unclear("aws_s3_bucket_server_side_encryption_configuration", b)
	r := lib.result(b, sprintf("%s has no server-side encryption configuration", [lib.describe(b)]))
}

deny contains r if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
	lib_data.absent(lib.values(b), "BucketEncryption")
	r := lib.result(b, sprintf("%s has no BucketEncryption", [lib.describe(b)]))
}
