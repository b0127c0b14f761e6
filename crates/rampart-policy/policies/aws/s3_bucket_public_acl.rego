# METADATA
# id: aws-s3-bucket-public-acl
# title: S3 bucket ACL grants access to everyone
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_bucket, aws_s3_bucket_acl]
# description: >-
#   An S3 bucket's access control list grants access to the AllUsers group (canned ACL
#   `public-read` or `public-read-write`, CloudFormation `PublicRead`/`PublicReadWrite`) or to
#   the AuthenticatedUsers group (`authenticated-read`), which means any AWS account in the
#   world. Anyone can then list the bucket, and with `public-read-write` also overwrite or plant
#   objects. Checked on `aws_s3_bucket_acl` (canned ACL and explicit grants), the legacy `acl`
#   and `grant` arguments of `aws_s3_bucket`, and `AccessControl` of `AWS::S3::Bucket`.
# remediation: >-
#   Use the `private` canned ACL, or better disable ACLs altogether with
#   `aws_s3_bucket_ownership_controls` (`object_ownership = "BucketOwnerEnforced"`) and grant
#   access through a bucket policy to named principals. Serve public content through CloudFront
#   with origin access control instead of a public bucket.
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html
package rampart.aws.s3_bucket_public_acl

import data.rampart.cloud.lib

public_canned := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

cfn_public := {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}

# Legacy `acl` argument of the bucket, and `aws_s3_bucket_acl`.
deny contains r if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	v := lib.values(b)
	v.acl in public_canned
	r := lib.attr_result(b, v, "acl", sprintf("%s has the canned ACL %q, which opens the bucket to everyone", [lib.describe(b), v.acl]))
}

deny contains r if {
	lib.is_terraform
	some a in lib.managed("aws_s3_bucket_acl")
	v := lib.values(a)
	v.acl in public_canned
	r := lib.attr_result(a, v, "acl", sprintf("%s sets the canned ACL %q, which opens the bucket to everyone", [lib.describe(a), v.acl]))
}

# Explicit grants to the AllUsers / AuthenticatedUsers groups.
deny contains r if {
	lib.is_terraform
	some a in lib.managed("aws_s3_bucket_acl")
	some acp in lib.blocks(lib.values(a), "access_control_policy")
	some g in lib.blocks(acp, "grant")
	some grantee in lib.blocks(g, "grantee")
	grantee.uri in public_groups
	r := lib.result(a, sprintf("%s grants %s to the group %s", [lib.describe(a), object.get(g, "permission", "access"), grantee.uri]))
}

deny contains r if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	some g in lib.blocks(lib.values(b), "grant")
	g.uri in public_groups
	r := lib.result(b, sprintf("%s grants access to the group %s", [lib.describe(b), g.uri]))
}

deny contains r if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
	v := lib.values(b)
	v.AccessControl in cfn_public
	r := lib.result(b, sprintf("%s has AccessControl %s, which opens the bucket to everyone", [lib.describe(b), v.AccessControl]))
}
