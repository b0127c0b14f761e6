# METADATA
# id: k8s-share-process-namespace
# title: Pod shares one process namespace
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod sets shareProcessNamespace to true, so all its containers share a single PID
#   namespace. Each container can see the others' processes and, as the same user or with
#   CAP_SYS_PTRACE, signal or trace them, and read their environment and filesystems through
#   /proc/PID/root. A compromise of one container (for example a sidecar) thus reaches the
#   secrets and memory of the rest. Low: the exposure stays inside the pod.
# remediation: >-
#   Remove `shareProcessNamespace: true` unless a sidecar really needs to see the main
#   container's processes; prefer ephemeral debug containers with a targeted process namespace
#   (`kubectl debug --target`) for troubleshooting.
# references:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
package rampart.kubernetes.share_process_namespace

import data.rampart.kubernetes.lib

deny contains r if {
	lib.pod_spec.shareProcessNamespace == true
	r := lib.result(lib.pod_spec, "the pod sets shareProcessNamespace: true, so its containers can see and signal each other's processes")
}
