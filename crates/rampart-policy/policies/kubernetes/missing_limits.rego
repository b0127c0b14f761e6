# METADATA
# id: k8s-missing-limits
# title: Container has no CPU or memory limit
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container or init container does not set resources.limits.cpu or resources.limits.memory.
#   Without a memory limit a leaking or compromised container can consume the node's memory until
#   the kernel kills other workloads; without a CPU limit it can starve its neighbours. Medium
#   because it turns a single faulty or hostile workload into a denial of service for the node.
#   Ephemeral (debug) containers are not checked because the API does not let them set resources.
#   A LimitRange in the namespace may supply defaults that this check cannot see.
# remediation: >-
#   Set `resources.limits.cpu` and `resources.limits.memory` on every container and init
#   container, sized from observed usage, or enforce defaults with a namespace LimitRange.
# references:
#   - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   - https://kubernetes.io/docs/concepts/policy/limit-range/
# frameworks: [NSA-CISA-K8s]
package rampart.kubernetes.missing_limits

import data.rampart.kubernetes.lib

limit_set(c, resource) if {
	v := lib.obj(lib.obj(c, "resources"), "limits")[resource]
	v != null
	v != ""
}

deny contains r if {
	some c in lib.app_containers | lib.init_containers
	missing := [res | some res in ["cpu", "memory"]; not limit_set(c, res)]
	count(missing) > 0
	r := lib.result(c, sprintf("%s has no %s limit", [lib.describe(c), concat(" or ", missing)]))
}
