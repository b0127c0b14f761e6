# METADATA
# id: k8s-missing-requests
# title: Container has no CPU or memory request
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container or init container sets neither resources.requests.cpu / resources.requests.memory
#   nor the matching limit (Kubernetes uses a limit as the request when only the limit is given).
#   The scheduler then places the pod as if it needed nothing, so nodes get overcommitted and the
#   pod is among the first evicted under memory pressure. Low: mainly a reliability issue, though
#   it makes resource-exhaustion attacks on shared nodes easier. Ephemeral containers are not
#   checked because the API does not let them set resources.
# remediation: >-
#   Set `resources.requests.cpu` and `resources.requests.memory` on every container and init
#   container from observed usage, or enforce defaults with a namespace LimitRange.
# references:
#   - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   - https://kubernetes.io/docs/concepts/policy/limit-range/
# frameworks: [NSA-CISA-K8s]
package rampart.kubernetes.missing_requests

import data.rampart.kubernetes.lib

set_in(c, section, resource) if {
	v := lib.obj(lib.obj(c, "resources"), section)[resource]
	v != null
	v != ""
}

# A limit without a request makes the request equal to the limit.
requested(c, resource) if set_in(c, "requests", resource)

requested(c, resource) if set_in(c, "limits", resource)

deny contains r if {
	some c in lib.app_containers | lib.init_containers
	missing := [res | some res in ["cpu", "memory"]; not requested(c, res)]
	count(missing) > 0
	r := lib.result(c, sprintf("%s has no %s request", [lib.describe(c), concat(" or ", missing)]))
}
