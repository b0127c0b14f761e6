# METADATA
# id: gcp-iam-user-managed-sa-key
# title: User-managed service account key created
# severity: medium
# kinds: [terraform]
# resource_types: [google_service_account_key]
# description: >-
#   The module creates a google_service_account_key, a long-lived private key for a service
#   account. The key ends up in the Terraform state (base64 in private_key) and usually in CI
#   variables and laptops; it does not expire by default and anyone who copies it acts as the
#   service account from anywhere. Workload Identity, attached service accounts and short-lived
#   credentials need no exported key.
# remediation: >-
#   Remove the google_service_account_key and authenticate workloads with an attached service
#   account, GKE Workload Identity or Workload Identity Federation (for CI such as GitHub Actions);
#   block key creation with `constraints/iam.disableServiceAccountKeyCreation`.
# references:
#   - https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys
#   - https://cloud.google.com/iam/docs/workload-identity-federation
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_key
# frameworks: [CIS-GCP-1.4]
package rampart.gcp.iam_service_account_key

import data.rampart.cloud.lib

deny contains r if {
	some k in lib.managed("google_service_account_key")
	v := lib.values(k)
	not lib.has(v, "public_key_data")
	r := lib.result(k, sprintf("%s creates a user-managed key for service account %s; its private key is stored in the Terraform state", [lib.describe(k), account(v)]))
}

deny contains r if {
	some k in lib.managed("google_service_account_key")
	v := lib.values(k)
	lib.has(v, "public_key_data")
	r := lib.result(k, sprintf("%s uploads a user-managed key for service account %s", [lib.describe(k), account(v)]))
}

account(v) := v.service_account_id if {
	is_string(v.service_account_id)
} else := v.service_account_id.__unknown__ if {
	lib.is_unknown(v.service_account_id)
} else := "(unnamed)"
