# METADATA
# id: aws-iam-user-direct-policy
# title: IAM policy attached directly to a user
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::User", "AWS::IAM::UserPolicy", aws_iam_policy_attachment, aws_iam_user_policy, aws_iam_user_policy_attachment]
# description: >-
#   Permissions are given to an IAM user directly (an inline user policy, a managed policy
#   attached to the user) instead of through a group or a role. Per-user grants drift apart,
#   are hard to review and are easily forgotten when the person changes job or leaves. Checked on
#   `aws_iam_user_policy`, `aws_iam_user_policy_attachment`, `aws_iam_policy_attachment` with
#   `users`, and CloudFormation `AWS::IAM::User` (`Policies`, `ManagedPolicyArns`),
#   `AWS::IAM::UserPolicy` and `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` with `Users`.
# remediation: >-
#   Attach the policy to a group and make the user a member (`aws_iam_group_policy_attachment` +
#   `aws_iam_user_group_membership`), or better, give people federated access through IAM Identity
#   Center roles instead of IAM users.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_policy_attachment
# frameworks: [CIS-AWS-1.15]
package rampart.aws.iam_user_direct_policy

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some p in lib.managed("aws_iam_user_policy")
	r := lib.result(p, sprintf("%s is an inline policy attached directly to an IAM user", [lib.describe(p)]))
}

deny contains r if {
	lib.is_terraform
	some p in lib.managed("aws_iam_user_policy_attachment")
	r := lib.result(p, sprintf("%s attaches a managed policy directly to an IAM user", [lib.describe(p)]))
}

deny contains r if {
	lib.is_terraform
	some p in lib.managed("aws_iam_policy_attachment")
	v := lib.values(p)
	lib_iam.non_empty(v.users)
	r := lib.attr_result(p, v, "users", sprintf("%s attaches a policy directly to IAM users", [lib.describe(p)]))
}

deny contains r if {
	lib.is_cloudformation
	some u in lib.managed("AWS::IAM::User")
	v := lib.values(u)
	kinds := [k | some k in ["Policies", "ManagedPolicyArns"]; lib_iam.non_empty(v[k])]
	count(kinds) > 0
	r := lib.result(u, sprintf("%s has permissions attached directly (%s) instead of through a group", [lib.describe(u), concat(", ", kinds)]))
}

deny contains r if {
	lib.is_cloudformation
	some p in lib.managed("AWS::IAM::UserPolicy")
	r := lib.result(p, sprintf("%s is an inline policy attached directly to an IAM user", [lib.describe(p)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"}
	some p in lib.managed(t)
	v := lib.values(p)
	lib_iam.non_empty(v.Users)
	r := lib.result(p, sprintf("%s is attached directly to IAM users (Users)", [lib.describe(p)]))
}
