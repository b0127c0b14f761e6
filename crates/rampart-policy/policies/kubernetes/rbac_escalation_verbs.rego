# METADATA
# id: k8s-rbac-escalate-bind-impersonate
# title: RBAC role grants escalate, bind or impersonate
# severity: high
# kinds: [kubernetes]
# resource_types: [Role, ClusterRole]
# description: >-
#   A rule of a Role or ClusterRole grants the `escalate`, `bind` or `impersonate` verb. `escalate`
#   lets the subject edit roles to add permissions it does not hold, `bind` lets it bind any role
#   (cluster-admin included) to itself, and `impersonate` lets it act as another user, group or
#   service account. Each one bypasses RBAC's protection against privilege escalation.
# remediation: >-
#   Remove these verbs from the role. Grant them only to cluster administrators or to a controller
#   that needs them, limited with `resourceNames` to the roles it may bind, e.g.
#   `{apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"], resourceNames: ["view"]}`.
# references:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping
#   - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
# frameworks: [CIS-K8s-5.1.8]
package rampart.kubernetes.rbac_escalation_verbs

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

dangerous := {"escalate", "bind", "impersonate"}

deny contains r if {
	some rule in rbac.rules
	found := {v | some v in rbac.verbs(rule); v in dangerous}
	count(found) > 0
	r := lib.result(rule, sprintf("%s grants the %s verb", [rbac.describe, rbac.joined(found)]))
}
