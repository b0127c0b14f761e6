# METADATA
# id: aws-s3-bucket-insecure-transport-allowed
# title: S3 bucket policy does not deny requests over plain HTTP
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_bucket]
# description: >-
#   No bucket policy of the bucket has a `Deny` statement with the condition
#   `"Bool": {"aws:SecureTransport": "false"}`, either because the bucket has no policy at all or
#   because its policy lacks that statement. S3 answers on HTTP as well as HTTPS, so a
#   misconfigured client or SDK endpoint can send credentials-signed requests and object data
#   unencrypted over the network. Buckets whose policy cannot be read (a policy loaded from a
#   file, a merged policy document) are not flagged.
# remediation: >-
#   Add a statement to the bucket policy: `{"Sid": "DenyInsecureTransport", "Effect": "Deny",
#   "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::BUCKET",
#   "arn:aws:s3:::BUCKET/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}`
#   (with `aws_iam_policy_document`: a `statement` with `effect = "Deny"` and a `condition`
#   block `test = "Bool"`, `variable = "aws:SecureTransport"`, `values = ["false"]`).
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy
package rampart.aws.s3_bucket_insecure_transport

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

buckets contains b if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
}

buckets contains b if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
}

deny contains r if {
	some b in buckets
	policies := lib_data.bucket_policies(b)
	count(policies) == 0
	not lib_data.bucket_policy_unclear(b)
	r := lib.result(b, sprintf("%s has no bucket policy denying requests without TLS (aws:SecureTransport)", [lib.describe(b)]))
}

deny contains r if {
	some b in buckets
	policies := lib_data.bucket_policies(b)
	count(policies) > 0
	not lib_data.bucket_policy_unclear(b)
	statements := [lib_data.policy_statements(p) | some p in policies]
	count(statements) == count(policies)
	not any_denies(statements)
	r := lib.result(b, sprintf("%s: the bucket policy does not deny requests without TLS (aws:SecureTransport)", [lib.describe(b)]))
}

any_denies(statements) if {
	some sts in statements
	some s in sts
	lib_data.denies_insecure_transport(s)
}
