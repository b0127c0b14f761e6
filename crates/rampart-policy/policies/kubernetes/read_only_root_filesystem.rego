# METADATA
# id: k8s-read-only-root-filesystem
# title: Container root filesystem is writable
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   readOnlyRootFilesystem is not true, so processes can modify the container's filesystem:
#   an attacker can drop tools, alter binaries or configuration, and the changes persist for the
#   container's life. Low: it hardens against post-exploitation rather than preventing it, and
#   many applications need some writable paths. Recommended by the NSA/CISA Kubernetes Hardening
#   Guidance.
# remediation: >-
#   Set `securityContext.readOnlyRootFilesystem: true` and mount emptyDir volumes at the paths the
#   application must write to (/tmp, caches).
# references:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
# frameworks: [NSA-CISA-K8s, CIS-K8s-5.7.3]
package rampart.kubernetes.read_only_root_filesystem

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	not lib.security_context(c).readOnlyRootFilesystem == true
	r := lib.result(c, sprintf("%s has a writable root filesystem", [lib.describe(c)]))
}
