# METADATA
# id: k8s-windows-host-process
# title: Windows HostProcess container
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod or one of its containers sets securityContext.windowsOptions.hostProcess to true.
#   A Windows HostProcess container runs directly on the node as a host process, with access to
#   the node's filesystem, network and devices, and can run as SYSTEM; it is the Windows
#   counterpart of a privileged container with host namespaces. High because a compromise of the
#   container is a compromise of the node; forbidden by the Pod Security Standards Baseline.
# remediation: >-
#   Remove `windowsOptions.hostProcess: true`. Keep HostProcess containers for vetted node agents
#   (CNI, storage, logging) installed by cluster administrators in namespaces where the
#   privileged Pod Security level is deliberately allowed.
# references:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# frameworks: [PSS-Baseline]
package rampart.kubernetes.windows_host_process

import data.rampart.kubernetes.lib

host_process(sc) if lib.obj(sc, "windowsOptions").hostProcess == true

deny contains r if {
	host_process(lib.pod_security_context)
	r := lib.result(lib.pod_security_context, "the pod securityContext sets windowsOptions.hostProcess: true")
}

deny contains r if {
	some c in lib.containers
	host_process(lib.security_context(c))
	r := lib.result(c, sprintf("%s sets windowsOptions.hostProcess: true", [lib.describe(c)]))
}
