# METADATA
# id: aws-s3-bucket-public-access-block-disabled
# title: S3 public access block leaves a setting off
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_account_public_access_block, aws_s3_bucket_public_access_block]
# description: >-
#   A public access block (`aws_s3_bucket_public_access_block`, the account-wide
#   `aws_s3_account_public_access_block`, or `PublicAccessBlockConfiguration` of an
#   `AWS::S3::Bucket`) sets one of its four settings to false or leaves it out, which also
#   means false. Each setting closes one way of making data public: new public ACLs
#   (`block_public_acls`), existing public ACLs (`ignore_public_acls`), public bucket policies
#   (`block_public_policy`) and cross-account access through public policies
#   (`restrict_public_buckets`). Turning one off deliberately re-opens that path, so a single
#   ACL or policy mistake publishes the bucket.
# remediation: >-
#   Set all four settings to true: `block_public_acls = true`, `block_public_policy = true`,
#   `ignore_public_acls = true`, `restrict_public_buckets = true` (CloudFormation
#   `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, `RestrictPublicBuckets`). Serve
#   public content through CloudFront with origin access control rather than opening the bucket.
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_account_public_access_block
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-publicaccessblockconfiguration.html
package rampart.aws.s3_bucket_public_access_block_disabled

import data.rampart.cloud.lib

tf_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

cfn_flags := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

# Settings of block `o` that are known to be off (false, or absent: the default is false).
off(o, names) := [f |
	some f in names
	lib.is_false(object.get(o, f, false))
]

# The line of the first setting written as false, else the block's own lines.
located(r, o, names, msg) := lib.attr_result(r, o, first, msg) if {
	explicit := [f | some f in names; lib.is_false(object.get(o, f, null))]
	count(explicit) > 0
	first := explicit[0]
} else := lib.result(r, msg)

deny contains r if {
	lib.is_terraform
	some t in {"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"}
	some p in lib.managed(t)
	v := lib.values(p)
	bad := off(v, tf_flags)
	count(bad) > 0
	r := located(p, v, bad, sprintf("%s does not enable %s", [lib.describe(p), concat(", ", bad)]))
}

deny contains r if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
	c := lib.values(b).PublicAccessBlockConfiguration
	is_object(c)
	not lib.is_unknown(c)
	bad := off(c, cfn_flags)
	count(bad) > 0
	r := located(b, c, bad, sprintf("%s: PublicAccessBlockConfiguration does not enable %s", [lib.describe(b), concat(", ", bad)]))
}
