# METADATA
# id: k8s-run-as-non-root
# title: Container may run as root
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   Neither the container nor the pod securityContext sets runAsNonRoot: true, and no non-zero
#   runAsUser is set either, so the container runs as whatever user the image declares, which is
#   root for most images. Medium: root in the container makes breakouts and tampering with the
#   container's files much easier. The Pod Security Standards Restricted profile requires
#   runAsNonRoot: true; an explicit non-zero runAsUser is accepted here as equivalent in effect.
# remediation: >-
#   Set `securityContext.runAsNonRoot: true` at pod level (and a numeric `runAsUser`, e.g. 10001,
#   if the image names its user by name), and build the image with a non-root USER.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# frameworks: [PSS-Restricted, CIS-K8s-5.2.6, NSA-CISA-K8s]
package rampart.kubernetes.run_as_non_root

import data.rampart.kubernetes.lib

non_root(c) if lib.effective(c, "runAsNonRoot") == true

non_root(c) if {
	uid := lib.effective(c, "runAsUser")
	is_number(uid)
	uid > 0
}

deny contains r if {
	some c in lib.containers
	not non_root(c)
	r := lib.result(c, sprintf("%s may run as root: runAsNonRoot is not true", [lib.describe(c)]))
}
