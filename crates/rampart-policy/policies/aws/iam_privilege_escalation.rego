# METADATA
# id: aws-iam-privilege-escalation
# title: IAM policy allows privilege escalation
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::IAM::Group", "AWS::IAM::GroupPolicy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::RolePolicy", "AWS::IAM::User", "AWS::IAM::UserPolicy", aws_iam_group_policy, aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy]
# description: >-
#   An IAM identity policy grants actions, alone or in combination within the same document, that
#   let the holder give itself more permissions than the policy states: rewriting or attaching
#   policies (`iam:CreatePolicyVersion`, `iam:SetDefaultPolicyVersion`, `iam:Attach*Policy`,
#   `iam:Put*Policy`, `iam:AddUserToGroup`), taking over other users (`iam:CreateAccessKey`,
#   `iam:CreateLoginProfile`, `iam:UpdateLoginProfile`), changing a role's trust policy and
#   assuming it, replacing a Lambda function's code, or passing a more privileged role to a new
#   EC2 instance, Lambda function, CloudFormation stack or Glue endpoint (`iam:PassRole` with
#   `ec2:RunInstances`, `lambda:CreateFunction` + `lambda:InvokeFunction`, ...). Wildcards
#   (`iam:*`, `iam:Attach*`) count; Deny statements that remove an action unconditionally on all
#   resources are honoured; statements limited to specific resource ARNs without wildcards are
#   not counted.
# remediation: >-
#   Remove the IAM-changing actions from workload and CI policies, scope `iam:PassRole` to the one
#   role the service needs (`"Resource": "arn:aws:iam::123456789012:role/app-task"` with an
#   `iam:PassedToService` condition), and use permissions boundaries for principals that must
#   create roles.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
package rampart.aws.iam_privilege_escalation

import data.rampart.aws.lib_iam

escalations := [
	["iam:CreatePolicyVersion"],
	["iam:SetDefaultPolicyVersion"],
	["iam:AttachUserPolicy"],
	["iam:AttachGroupPolicy"],
	["iam:AttachRolePolicy"],
	["iam:PutUserPolicy"],
	["iam:PutGroupPolicy"],
	["iam:PutRolePolicy"],
	["iam:AddUserToGroup"],
	["iam:CreateAccessKey"],
	["iam:CreateLoginProfile"],
	["iam:UpdateLoginProfile"],
	["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
	["lambda:UpdateFunctionCode"],
	["iam:PassRole", "ec2:RunInstances"],
	["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
	["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
	["iam:PassRole", "cloudformation:CreateStack"],
	["iam:PassRole", "glue:CreateDevEndpoint"],
]

# Every action that takes part in some path.
targets := {lower(a) | some combo in escalations; some a in combo}

target_index := lib_iam.by_service(targets)

paths := [{"name": concat(" + ", combo), "actions": {lower(a) | some a in combo}} | some combo in escalations]

deny contains r if {
	some x in lib_iam.identity_policies
	sts := lib_iam.statements(x.doc)
	not lib_iam.full_admin(sts)
	have := lib_iam.granted_actions_indexed(sts, targets, target_index)
	found := [path.name | some path in paths; count(path.actions - have) == 0]
	count(found) > 0
	r := lib_iam.policy_result(x, sprintf("%s allows privilege escalation through %s", [lib_iam.policy_label(x), listing(found)]))
}

# At most four paths, then how many more.
listing(found) := concat(", ", found) if count(found) <= 4

listing(found) := sprintf("%s and %d more", [concat(", ", array.slice(found, 0, 4)), count(found) - 4]) if count(found) > 4
