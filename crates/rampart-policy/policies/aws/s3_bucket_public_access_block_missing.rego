# METADATA
# id: aws-s3-bucket-public-access-block-missing
# title: S3 bucket does not declare a public access block
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_account_public_access_block, aws_s3_bucket, aws_s3_bucket_public_access_block]
# description: >-
#   The bucket has no S3 Block Public Access configuration of its own: no
#   `aws_s3_bucket_public_access_block` refers to it (by reference or by bucket name), and the
#   module does not set an account-wide `aws_s3_account_public_access_block` with all four
#   settings on; in CloudFormation the bucket has no `PublicAccessBlockConfiguration`. S3 turns
#   Block Public Access on for buckets created since April 2023, so this is low: but the
#   protection is then not part of the code, is lost silently when someone turns it off in the
#   console, and does not exist on older buckets imported into the stack. A public access block
#   is the guard that keeps a later ACL or bucket policy mistake from publishing the data.
# remediation: >-
#   Declare the block next to the bucket, e.g. `resource "aws_s3_bucket_public_access_block"
#   "data" { bucket = aws_s3_bucket.data.id block_public_acls = true block_public_policy = true
#   ignore_public_acls = true restrict_public_buckets = true }` (CloudFormation:
#   `PublicAccessBlockConfiguration` with the four properties set to true), or set them once for
#   the account with `aws_s3_account_public_access_block`.
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-publicaccessblockconfiguration.html
package rampart.aws.s3_bucket_public_access_block_missing

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# An account-wide block that covers every bucket, or one whose settings are not known.
account_block_covers if {
	some a in lib.managed("aws_s3_account_public_access_block")
	every f in flags {
		not lib.is_false(object.get(lib.values(a), f, false))
	}
}

deny contains r if {
	lib.is_terraform
	not account_block_covers
	some b in lib.managed("aws_s3_bucket")
	count(lib_data.bucket_configs("aws_s3_bucket_public_access_block", b)) == 0
	not lib_data.bucket_config_unclear("aws_s3_bucket_public_access_block", b)
	r := lib.result(b, sprintf("%s has no aws_s3_bucket_public_access_block", [lib.describe(b)]))
}

deny contains r if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
	lib_data.absent(lib.values(b), "PublicAccessBlockConfiguration")
	r := lib.result(b, sprintf("%s has no PublicAccessBlockConfiguration", [lib.describe(b)]))
}
