# METADATA
# id: k8s-allow-privilege-escalation
# title: Container allows privilege escalation
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   allowPrivilegeEscalation is not set to false, so the container's processes may gain more
#   privileges than their parent (through setuid binaries or file capabilities): the
#   no_new_privs flag is not set. Medium: it lets an attacker who got in as an unprivileged user
#   climb to root inside the container. Required by the Pod Security Standards Restricted profile.
# remediation: >-
#   Set `securityContext.allowPrivilegeEscalation: false` on every container.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# frameworks: [PSS-Restricted, CIS-K8s-5.2.5, NSA-CISA-K8s]
package rampart.kubernetes.allow_privilege_escalation

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	not lib.security_context(c).allowPrivilegeEscalation == false
	r := lib.result(c, sprintf("%s does not set allowPrivilegeEscalation: false", [lib.describe(c)]))
}
