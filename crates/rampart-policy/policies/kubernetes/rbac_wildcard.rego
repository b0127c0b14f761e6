# METADATA
# id: k8s-rbac-wildcard
# title: RBAC role grants wildcard verbs or resources
# severity: high
# kinds: [kubernetes]
# resource_types: [Role, ClusterRole]
# description: >-
#   A rule of a Role or ClusterRole lists `*` in its verbs or its resources. A wildcard grants
#   every current and future verb or resource type of the API groups named, including
#   subresources such as `pods/exec`, `secrets` and the verbs `escalate`, `bind` and
#   `impersonate`, so the role is far broader than whoever wrote it probably meant and grows
#   with every new API or CRD installed in the cluster.
# remediation: >-
#   List the resources and verbs the subject needs explicitly, e.g.
#   `{apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "patch"]}`.
# references:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# frameworks: [CIS-K8s-5.1.3]
package rampart.kubernetes.rbac_wildcard

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

wildcards(rule) := [field | some field in ["verbs", "resources"]; "*" in rbac.strings(rule, field)]

deny contains r if {
	some rule in rbac.rules
	fields := wildcards(rule)
	count(fields) > 0
	r := lib.result(rule, sprintf("%s has a rule with * in its %s", [rbac.describe, concat(" and ", fields)]))
}
