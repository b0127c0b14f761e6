# METADATA
# id: k8s-rbac-pod-exec
# title: RBAC role allows exec or attach into pods
# severity: high
# kinds: [kubernetes]
# resource_types: [Role, ClusterRole]
# description: >-
#   A rule of a Role or ClusterRole grants `create` (or `get`, which older API servers accept for
#   WebSocket connections, or `*`) on `pods/exec` or `pods/attach`. That lets the subject run
#   commands inside any pod it covers, with the pod's service account token, mounted Secrets and
#   network position, which makes it equivalent to holding all of those pods' privileges.
# remediation: >-
#   Remove `pods/exec` and `pods/attach` from roles bound to applications and CI; grant them only
#   to break-glass operator roles, preferably through short-lived bindings, and audit their use.
# references:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources
package rampart.kubernetes.rbac_pod_exec

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

exec_resources := {"pods/exec", "pods/attach", "pods/*"}

deny contains r if {
	some rule in rbac.rules
	rbac.core_group(rule)
	found := {res | some res in rbac.resources(rule); res in exec_resources}
	count(found) > 0
	rbac.grants_any(rule, {"create", "get"})
	r := lib.result(rule, sprintf("%s can run commands in pods (%s on %s)", [rbac.describe, rbac.joined(rbac.verbs(rule)), rbac.joined(found)]))
}
