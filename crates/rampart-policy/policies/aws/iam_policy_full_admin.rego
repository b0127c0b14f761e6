# METADATA
# id: aws-iam-policy-full-admin
# title: IAM policy grants full administrator access
# severity: critical
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::IAM::Group", "AWS::IAM::GroupPolicy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::RolePolicy", "AWS::IAM::User", "AWS::IAM::UserPolicy", aws_iam_group_policy, aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy]
# description: >-
#   An IAM identity policy has an Allow statement with `"Action": "*"` on `"Resource": "*"`, which
#   grants every action of every service on everything in the account, including changing IAM
#   itself. Whoever holds it (a user, a role an application or CI job assumes) is a full account
#   administrator, and one leaked credential compromises the whole account. Checked on
#   `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`,
#   `inline_policy` blocks of `aws_iam_role` (JSON strings, `jsonencode` and
#   `aws_iam_policy_document` data sources) and CloudFormation IAM policies and inline policies.
# remediation: >-
#   List the actions and resources the principal needs (`"Action": ["s3:GetObject"],
#   "Resource": "arn:aws:s3:::reports/*"`), start from AWS managed job-function policies, and use
#   IAM Access Analyzer policy generation to derive a least-privilege policy from CloudTrail.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html
# frameworks: [CIS-AWS-1.16]
package rampart.aws.iam_policy_full_admin

import data.rampart.aws.lib_iam

deny contains r if {
	some x in lib_iam.identity_policies
	sts := lib_iam.statements(x.doc)
	lib_iam.full_admin(sts)
	r := lib_iam.policy_result(x, sprintf("%s allows \"*\" on \"*\": full administrator access", [lib_iam.policy_label(x)]))
}
