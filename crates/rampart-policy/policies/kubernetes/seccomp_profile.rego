# METADATA
# id: k8s-seccomp-profile
# title: Container has no seccomp profile
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   Neither the container nor the pod sets seccompProfile.type to RuntimeDefault or Localhost
#   (it is unset or Unconfined), so the container can issue every system call, including
#   rarely-used ones behind many kernel privilege-escalation exploits. Medium: seccomp is a
#   cheap, effective reduction of kernel attack surface. Unconfined is forbidden by the Pod
#   Security Standards Baseline and setting a profile is required by Restricted.
# remediation: >-
#   Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or Localhost with a
#   reviewed profile for workloads that need one).
# references:
#   - https://kubernetes.io/docs/tutorials/security/seccomp/
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# frameworks: [PSS-Baseline, PSS-Restricted, CIS-K8s-5.7.2, NSA-CISA-K8s]
package rampart.kubernetes.seccomp_profile

import data.rampart.kubernetes.lib

confined(c) if {
	profile := lib.effective(c, "seccompProfile")
	is_object(profile)
	profile.type in {"RuntimeDefault", "Localhost"}
}

deny contains r if {
	some c in lib.containers
	not confined(c)
	r := lib.result(c, sprintf("%s runs without a RuntimeDefault or Localhost seccomp profile", [lib.describe(c)]))
}
