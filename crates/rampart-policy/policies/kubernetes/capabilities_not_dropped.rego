# METADATA
# id: k8s-capabilities-not-dropped
# title: Container does not drop all capabilities
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   capabilities.drop does not include ALL, so the container keeps the runtime's default
#   capability set (which includes, for example, NET_RAW, used for packet spoofing, and
#   DAC_OVERRIDE). Medium: the defaults are not root-equivalent, but every retained capability is
#   attack surface the application rarely needs. The Pod Security Standards Restricted profile
#   requires dropping ALL (adding back only NET_BIND_SERVICE).
# remediation: >-
#   Set `securityContext.capabilities.drop: [ALL]` and add back only what is required, e.g.
#   `add: [NET_BIND_SERVICE]`.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# frameworks: [PSS-Restricted, CIS-K8s-5.2.9, NSA-CISA-K8s]
package rampart.kubernetes.capabilities_not_dropped

import data.rampart.kubernetes.lib

drops_all(c) if {
	some cap in lib.arr(lib.obj(lib.security_context(c), "capabilities"), "drop")
	is_string(cap)
	upper(cap) == "ALL"
}

deny contains r if {
	some c in lib.containers
	not drops_all(c)
	r := lib.result(c, sprintf("%s does not drop ALL capabilities", [lib.describe(c)]))
}
