# METADATA
# id: k8s-serviceaccount-automount-token
# title: ServiceAccount does not disable token automounting
# severity: low
# kinds: [kubernetes]
# resource_types: [ServiceAccount]
# description: >-
#   A ServiceAccount does not set `automountServiceAccountToken: false`, so every pod that uses
#   it gets an API token mounted unless the pod spec opts out itself. Most applications never call
#   the Kubernetes API; for them the token only helps an attacker who gets code execution in a
#   pod to act with the account's permissions. Disabling it on the account protects every pod that
#   uses it by default. Low: the impact depends on what the account is granted.
# remediation: >-
#   Set `automountServiceAccountToken: false` on the ServiceAccount, and set it to `true` in the
#   pod spec of the few workloads that need the API.
# references:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#   - https://kubernetes.io/docs/concepts/security/service-accounts/
# frameworks: [CIS-K8s-5.1.6]
package rampart.kubernetes.serviceaccount_automount

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

deny contains r if {
	input.kind == "ServiceAccount"
	object.get(input, "automountServiceAccountToken", null) != false
	r := lib.result(input, sprintf("%s does not set automountServiceAccountToken: false", [rbac.describe]))
}
