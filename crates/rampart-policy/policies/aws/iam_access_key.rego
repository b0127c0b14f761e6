# METADATA
# id: aws-iam-access-key
# title: Long-lived IAM access key managed in code
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::IAM::AccessKey", aws_iam_access_key]
# description: >-
#   An active access key is created for an IAM user (`aws_iam_access_key`,
#   `AWS::IAM::AccessKey`). Access keys never expire on their own, tend to end up in CI
#   variables, laptops and logs, and the secret is stored in the Terraform state or template
#   outputs. Workloads on AWS should use roles; external systems can usually use OIDC federation
#   or IAM Roles Anywhere.
# remediation: >-
#   Replace the key with a role: an instance profile, an ECS task role, IRSA / EKS Pod Identity,
#   or an OIDC identity provider for CI (`aws_iam_openid_connect_provider` + a role with
#   `sts:AssumeRoleWithWebIdentity`). If a key is unavoidable, rotate it regularly and keep it out
#   of state with `pgp_key`.
# references:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key
package rampart.aws.iam_access_key

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some k in lib.managed("aws_iam_access_key")
	v := lib.values(k)
	status := object.get(v, "status", "Active")
	not lib.is_unknown(status)
	not lib_iam.lower_in(status, {"inactive"})
	r := lib.result(k, sprintf("%s creates a long-lived access key for %s", [lib.describe(k), user(v, "user")]))
}

deny contains r if {
	lib.is_cloudformation
	some k in lib.managed("AWS::IAM::AccessKey")
	v := lib.values(k)
	status := object.get(v, "Status", "Active")
	not lib.is_unknown(status)
	not lib_iam.lower_in(status, {"inactive"})
	r := lib.result(k, sprintf("%s creates a long-lived access key for %s", [lib.describe(k), user(v, "UserName")]))
}

user(v, key) := sprintf("user %q", [v[key]]) if is_string(v[key])

user(v, key) := sprintf("user %s", [object.get(v[key], "__unknown__", "?")]) if lib.is_unknown(v[key])

user(v, key) := "an IAM user" if lib_iam.absent(v, key)
