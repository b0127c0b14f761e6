# METADATA
# id: k8s-rbac-secrets-read
# title: RBAC role can read Secrets
# severity: high
# kinds: [kubernetes]
# resource_types: [Role, ClusterRole]
# description: >-
#   A rule of a Role or ClusterRole grants `get`, `list` or `watch` on `secrets` in the core API
#   group without limiting it to named Secrets (`resourceNames`). Whoever holds the role can read
#   every Secret of the namespace (every namespace, for a ClusterRole bound cluster-wide):
#   database passwords, TLS keys, and service account tokens that lead to further privileges.
#   `list` and `watch` return the Secrets' contents too, not just their names.
# remediation: >-
#   Remove the rule, or limit it to the Secrets the subject needs:
#   `{apiGroups: [""], resources: ["secrets"], resourceNames: ["shop-db"], verbs: ["get"]}`.
#   Prefer mounting Secrets into the pods that use them over API access.
# references:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
#   - https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets
# frameworks: [CIS-K8s-5.1.2]
package rampart.kubernetes.rbac_secrets_read

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

read_verbs := {"get", "list", "watch"}

deny contains r if {
	some rule in rbac.rules
	rbac.core_group(rule)
	"secrets" in rbac.resources(rule)
	rbac.grants_any(rule, read_verbs)
	not rbac.named_only(rule)
	granted := [v | some v in rbac.verbs(rule); v in (read_verbs | {"*"})]
	r := lib.result(rule, sprintf("%s can read every Secret it covers (%s on secrets)", [rbac.describe, concat(", ", sort(granted))]))
}
