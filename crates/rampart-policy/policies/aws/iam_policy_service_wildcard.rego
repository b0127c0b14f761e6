# METADATA
# id: aws-iam-policy-service-wildcard
# title: IAM policy grants every action of a sensitive service on all resources
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::IAM::Group", "AWS::IAM::GroupPolicy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::RolePolicy", "AWS::IAM::User", "AWS::IAM::UserPolicy", aws_iam_group_policy, aws_iam_policy, aws_iam_role, aws_iam_role_policy, aws_iam_user_policy]
# description: >-
#   An IAM identity policy allows a whole sensitive service (`iam:*`, `sts:*`, `kms:*`, `s3:*`,
#   `secretsmanager:*`, `ssm:*`, `ec2:*`, `lambda:*`, `dynamodb:*`, `rds:*`, `cloudtrail:*`,
#   `organizations:*`, `logs:*`) on `"Resource": "*"`. That includes that service's destructive
#   and permission-changing actions on every resource in the account (deleting trails, reading
#   every secret, scheduling key deletion, rewriting IAM), far beyond what an application needs.
#   Policies that grant `*` outright are reported by aws-iam-policy-full-admin instead.
# remediation: >-
#   Name the actions (`"s3:GetObject"`, `"s3:PutObject"`) and scope `Resource` to the ARNs the
#   principal works on (`"arn:aws:s3:::app-uploads/*"`); use IAM Access Analyzer to generate a
#   policy from recorded activity.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
#   - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
package rampart.aws.iam_policy_service_wildcard

import data.rampart.aws.lib_iam

sensitive := {
	"iam", "sts", "kms", "s3", "secretsmanager", "ssm", "ec2", "lambda", "dynamodb", "rds",
	"cloudtrail", "organizations", "logs",
}

deny contains r if {
	some x in lib_iam.identity_policies
	sts := lib_iam.statements(x.doc)
	not lib_iam.full_admin(sts)
	found := {lower(p) |
		some st in sts
		st.effect == "Allow"
		lib_iam.all_resources(st)
		some p in st.action.values
		parts := split(lower(p), ":")
		count(parts) == 2
		parts[0] in sensitive
		parts[1] == "*"
	}
	count(found) > 0
	r := lib_iam.policy_result(x, sprintf("%s allows %s on every resource (\"Resource\": \"*\")", [lib_iam.policy_label(x), concat(", ", sort(found))]))
}
