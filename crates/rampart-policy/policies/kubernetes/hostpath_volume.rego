# METADATA
# id: k8s-hostpath-volume
# title: Pod mounts a hostPath volume
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod declares a hostPath volume, which mounts a directory of the node into the container.
#   Writable host paths let a container plant files the node will execute or read (for example
#   under /etc or the kubelet's directories), and even read-only ones expose node secrets and
#   other pods' data. High: hostPath is a well-known route from a container to the node.
#   Forbidden by the Pod Security Standards Baseline.
# remediation: >-
#   Use emptyDir, a ConfigMap/Secret, or a PersistentVolumeClaim instead. If a node agent truly
#   needs a host directory, mount the narrowest path, read-only, and isolate the workload in its
#   own namespace.
# references:
#   - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# frameworks: [PSS-Baseline, CIS-K8s-5.2.12, NSA-CISA-K8s]
package rampart.kubernetes.hostpath_volume

import data.rampart.kubernetes.lib

deny contains r if {
	some v in lib.arr(lib.pod_spec, "volumes")
	is_object(v)
	hp := v.hostPath
	r := lib.result(v, sprintf("volume %q mounts host path %v", [object.get(v, "name", "?"), object.get(hp, "path", "?")]))
}
