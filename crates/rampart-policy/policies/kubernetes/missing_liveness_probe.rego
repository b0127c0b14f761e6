# METADATA
# id: k8s-missing-liveness-probe
# title: Container has no liveness probe
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A long-running container has no livenessProbe, so the kubelet restarts it only when its
#   process exits: a deadlocked or wedged process keeps its pod around, serving nothing, until
#   someone notices. Low: an availability concern rather than a direct exposure.
#   Checked for Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers and
#   Pods whose restartPolicy is Always (the default); Jobs, CronJobs and run-to-completion Pods
#   are skipped. Init containers are exempt, except native sidecars (restartPolicy Always),
#   which run for the pod's lifetime; ephemeral containers cannot have probes.
# remediation: >-
#   Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that fails only when the process
#   cannot recover by itself, with a generous failureThreshold so slow moments do not cause restarts.
# references:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   - https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes
package rampart.kubernetes.missing_liveness_probe

import data.rampart.kubernetes.lib

# A bare Pod with restartPolicy Never or OnFailure runs to completion, like a Job.
long_running if {
	lib.is_long_running
	not object.get(lib.pod_spec, "restartPolicy", "Always") in {"Never", "OnFailure"}
}

# Init containers with restartPolicy Always are sidecars that run alongside the app containers.
checked contains c if some c in lib.app_containers

checked contains c if {
	some c in lib.init_containers
	c.restartPolicy == "Always"
}

has_probe(c) if is_object(c.livenessProbe)

deny contains r if {
	long_running
	some c in checked
	not has_probe(c)
	r := lib.result(c, sprintf("%s has no livenessProbe", [lib.describe(c)]))
}
