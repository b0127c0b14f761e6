# METADATA
# id: k8s-privileged-container
# title: Container runs privileged
# severity: critical
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container sets securityContext.privileged to true. A privileged container gets every
#   capability, all host devices and no seccomp/AppArmor confinement: it is effectively root on
#   the node and can escape to it trivially. Critical because one compromised process owns the
#   node and everything scheduled on it. Forbidden by the Pod Security Standards Baseline profile.
# remediation: >-
#   Remove `privileged: true`. Grant only the specific capability the workload needs
#   (`capabilities.add: [NET_BIND_SERVICE]`) or move node-level work into a vetted system component.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# frameworks: [PSS-Baseline, CIS-K8s-5.2.2, NSA-CISA-K8s]
package rampart.kubernetes.privileged

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	lib.security_context(c).privileged == true
	r := lib.result(c, sprintf("%s runs privileged", [lib.describe(c)]))
}
