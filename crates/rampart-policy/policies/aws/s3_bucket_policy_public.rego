# METADATA
# id: aws-s3-bucket-policy-public
# title: S3 bucket policy allows everyone without a condition
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::BucketPolicy", aws_s3_bucket, aws_s3_bucket_policy]
# description: >-
#   A bucket policy has an `Allow` statement whose principal is everyone (`"*"` or
#   `{"AWS": "*"}`, or a `NotPrincipal`) and which has no `Condition` narrowing it (source VPC
#   endpoint, organization id, source account...). Anyone on the internet, or any AWS account,
#   can then perform the allowed actions, e.g. download every object. Checked on
#   `aws_s3_bucket_policy` (JSON strings, `jsonencode(...)`, and `aws_iam_policy_document` data
#   sources), the legacy `policy` argument of `aws_s3_bucket`, and the `PolicyDocument` of
#   `AWS::S3::BucketPolicy`.
# remediation: >-
#   Name the principals that need access (`"Principal": {"AWS":
#   "arn:aws:iam::111122223333:role/reader"}`), or keep `"*"` only with a condition such as
#   `"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}`. For public
#   websites serve the bucket through CloudFront with origin access control and allow only the
#   CloudFront service principal with an `AWS:SourceArn` condition.
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucketpolicy.html
package rampart.aws.s3_bucket_policy_public

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# (resource, block holding the policy, argument name) of every bucket policy in the document.
policies contains [p, v, "policy"] if {
	lib.is_terraform
	some p in lib.managed("aws_s3_bucket_policy")
	v := lib.values(p)
}

policies contains [b, v, "policy"] if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	v := lib.values(b)
	lib_data.given(v, "policy")
}

policies contains [p, v, "PolicyDocument"] if {
	lib.is_cloudformation
	some p in lib.managed("AWS::S3::BucketPolicy")
	v := lib.values(p)
}

deny contains r if {
	some [p, v, key] in policies
	statements := lib_data.policy_statements(v[key])
	public := [s | some s in statements; lib_data.public_allow(s)]
	count(public) > 0
	r := lib.attr_result(p, v, key, sprintf("%s allows everyone (Principal \"*\") without a condition", [lib.describe(p)]))
}
