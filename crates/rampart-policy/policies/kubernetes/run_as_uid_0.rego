# METADATA
# id: k8s-run-as-uid-0
# title: Container explicitly runs as uid 0
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   runAsUser is 0 for the container (set on the container or inherited from the pod), so the
#   container's processes run as root even if the image declares a non-root user. High: it
#   deliberately gives the workload root, which turns any code execution into root in the
#   container and eases escape to the node. The Pod Security Standards Restricted profile forbids
#   runAsUser 0.
# remediation: >-
#   Remove `runAsUser: 0` and set a non-zero uid (e.g. `runAsUser: 10001`) together with
#   `runAsNonRoot: true`; fix file ownership in the image rather than running as root.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# frameworks: [PSS-Restricted, CIS-K8s-5.2.6, NSA-CISA-K8s]
package rampart.kubernetes.run_as_uid_0

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	lib.effective(c, "runAsUser") == 0
	r := lib.result(c, sprintf("%s runs as uid 0 (root)", [lib.describe(c)]))
}
