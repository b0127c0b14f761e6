# METADATA
# id: k8s-host-port
# title: Container binds a host port
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container port sets hostPort, which opens that port on the node's own address and forwards
#   it to the container. The service is then reachable from outside the cluster's Service and
#   NetworkPolicy model, and the pod can only run once per node. Medium: it widens network
#   exposure. The Pod Security Standards Baseline disallows host ports.
# remediation: >-
#   Remove `hostPort` and expose the port through a Service (ClusterIP, or an Ingress/Gateway for external traffic).
# references:
#   - https://kubernetes.io/docs/concepts/configuration/overview/#services
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# frameworks: [PSS-Baseline, NSA-CISA-K8s]
package rampart.kubernetes.host_port

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	some p in lib.arr(c, "ports")
	is_object(p)
	hp := object.get(p, "hostPort", 0)
	hp != 0
	r := lib.result(p, sprintf("%s binds host port %v", [lib.describe(c), hp]))
}
