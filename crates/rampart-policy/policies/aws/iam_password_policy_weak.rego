# METADATA
# id: aws-iam-password-policy-weak
# title: IAM account password policy is weak
# severity: medium
# kinds: [terraform]
# resource_types: [aws_iam_account_password_policy]
# description: >-
#   The account password policy (`aws_iam_account_password_policy`) accepts passwords shorter
#   than 14 characters (the default minimum is 8) or does not prevent reuse of the last 24
#   passwords. Short and recycled console passwords are the first thing credential-stuffing and
#   brute-force attacks succeed against.
# remediation: >-
#   Set `minimum_password_length = 14` (or more) and `password_reuse_prevention = 24`, and
#   prefer federated sign-in through IAM Identity Center with MFA over IAM user passwords.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
# frameworks: [CIS-AWS-1.8, CIS-AWS-1.9]
package rampart.aws.iam_password_policy_weak

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

weaknesses(v) := {w | w := short(v)} | {w | w := reuse(v)}

short(v) := "minimum_password_length is not set (default 8)" if lib_iam.absent(v, "minimum_password_length")

short(v) := sprintf("minimum_password_length is %v", [n]) if {
	n := lib.number(v.minimum_password_length)
	n < 14
}

reuse(v) := "password_reuse_prevention is not set" if lib_iam.absent(v, "password_reuse_prevention")

reuse(v) := sprintf("password_reuse_prevention is %v (less than 24)", [n]) if {
	n := lib.number(v.password_reuse_prevention)
	n < 24
}

deny contains r if {
	lib.is_terraform
	some p in lib.managed("aws_iam_account_password_policy")
	ws := sort(weaknesses(lib.values(p)))
	count(ws) > 0
	r := lib.result(p, sprintf("%s is weak: %s", [lib.describe(p), concat("; ", ws)]))
}
