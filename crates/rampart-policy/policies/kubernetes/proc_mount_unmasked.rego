# METADATA
# id: k8s-proc-mount-unmasked
# title: Container uses an unmasked /proc
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container sets securityContext.procMount to Unmasked. By default the runtime masks and
#   mounts read-only sensitive /proc paths such as /proc/kcore, /proc/sysrq-trigger and
#   /proc/sys; Unmasked removes that protection, exposing kernel memory and node-wide controls
#   to the container and easing escape to the node. High because it strips a default isolation
#   layer; forbidden by the Pod Security Standards Baseline profile.
# remediation: >-
#   Remove `procMount` or set it to `Default`. Unmasked is only meant for nested container
#   runtimes inside user-namespaced pods.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1
# frameworks: [PSS-Baseline]
package rampart.kubernetes.proc_mount_unmasked

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	lib.security_context(c).procMount == "Unmasked"
	r := lib.result(c, sprintf("%s sets procMount: Unmasked", [lib.describe(c)]))
}
