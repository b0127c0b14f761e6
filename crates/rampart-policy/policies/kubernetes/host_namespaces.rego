# METADATA
# id: k8s-host-namespaces
# title: Pod shares host namespaces
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod sets hostNetwork, hostPID or hostIPC to true and so shares the node's network stack,
#   process table or IPC objects. With hostPID it can see and signal every process on the node;
#   with hostNetwork it can bind node ports and reach services listening on localhost; with
#   hostIPC it can read shared memory of other processes. High: each removes an isolation
#   boundary between the workload and the node. Forbidden by the Pod Security Standards Baseline.
# remediation: >-
#   Remove `hostNetwork`, `hostPID` and `hostIPC` (they default to false); expose network services
#   through a Service instead of the host network.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/concepts/workloads/pods/
# frameworks: [PSS-Baseline, CIS-K8s-5.2.3, CIS-K8s-5.2.4, CIS-K8s-5.2.5, NSA-CISA-K8s]
package rampart.kubernetes.host_namespaces

import data.rampart.kubernetes.lib

deny contains r if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	lib.pod_spec[field] == true
	r := lib.result(lib.pod_spec, sprintf("the pod sets %s: true", [field]))
}
