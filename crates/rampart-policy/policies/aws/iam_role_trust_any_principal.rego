# METADATA
# id: aws-iam-role-trust-any-principal
# title: IAM role can be assumed by anyone
# severity: critical
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::IAM::Role", aws_iam_role]
# description: >-
#   The role's trust policy allows `sts:AssumeRole` (or the web identity / SAML variants) to
#   `"Principal": "*"` or `{"AWS": "*"}` without any condition, or grants it to everyone except
#   a list (`NotPrincipal`). Any AWS account in the world can then assume the role and use its
#   permissions. Statements narrowed by a condition (`aws:PrincipalOrgID`, `sts:ExternalId`,
#   `aws:SourceAccount`) are not reported.
# remediation: >-
#   Name the trusted principals (`"Principal": {"AWS": "arn:aws:iam::111122223333:role/deployer"}`
#   or `{"Service": "ec2.amazonaws.com"}`), and add conditions such as `aws:PrincipalOrgID` or
#   `sts:ExternalId` for cross-account access.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
package rampart.aws.iam_role_trust_any_principal

import data.rampart.aws.lib_iam

assume_actions := ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"]

deny contains r if {
	some x in lib_iam.trust_policies
	sts := lib_iam.statements(x.doc)
	some st in sts
	lib_iam.public_statement(st)
	some a in assume_actions
	lib_iam.allows(st, a)
	r := lib_iam.policy_result(x, sprintf("%s has a trust policy that lets any principal assume the role", [lib_iam.policy_label(x)]))
}
