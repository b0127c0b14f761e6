# METADATA
# id: k8s-service-account-token-automount
# title: Service account token is mounted automatically
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod spec does not set automountServiceAccountToken to false, so Kubernetes mounts a
#   token for the pod's service account into every container. Most applications never call the
#   Kubernetes API; for them the token is only useful to an attacker who gets code execution in
#   the container, who can then use whatever RBAC permissions the service account holds. Low:
#   the impact depends on those permissions. The ServiceAccount object can also disable
#   automounting, which this check cannot see when it looks at the workload alone.
# remediation: >-
#   Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount) for
#   workloads that do not talk to the API server; for those that do, use a dedicated service
#   account with minimal RBAC permissions.
# references:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#   - https://kubernetes.io/docs/concepts/security/service-accounts/
# frameworks: [CIS-K8s-5.1.6, NSA-CISA-K8s]
package rampart.kubernetes.service_account_token_automount

import data.rampart.kubernetes.lib

deny contains r if {
	lib.is_workload
	object.get(lib.pod_spec, "automountServiceAccountToken", null) != false
	account := object.get(lib.pod_spec, "serviceAccountName", "default")
	r := lib.result(lib.pod_spec, sprintf("the pod mounts the token of service account %q automatically: automountServiceAccountToken is not false", [account]))
}
