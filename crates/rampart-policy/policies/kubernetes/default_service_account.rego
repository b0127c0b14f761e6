# METADATA
# id: k8s-default-service-account
# title: Workload runs as the default service account
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod spec sets no `serviceAccountName` (or sets `default`), so the pods run as the
#   namespace's `default` service account. Every workload of the namespace that does the same
#   shares that identity: any permission granted to `default` (for one application, by a Helm
#   chart, or through cloud workload identity) is given to all of them, and their API requests
#   cannot be told apart in audit logs. Low: the impact depends on what the account is granted.
# remediation: >-
#   Create a ServiceAccount per application with only the permissions it needs and set
#   `serviceAccountName: shop-api` in the pod spec (with `automountServiceAccountToken: false`
#   when it does not call the API).
# references:
#   - https://kubernetes.io/docs/concepts/security/service-accounts/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
# frameworks: [CIS-K8s-5.1.5]
package rampart.kubernetes.default_service_account

import data.rampart.kubernetes.lib

# `serviceAccountName`, else the deprecated `serviceAccount`, else "default".
account := name if {
	name := lib.pod_spec.serviceAccountName
	is_string(name)
	name != ""
} else := name if {
	name := lib.pod_spec.serviceAccount
	is_string(name)
	name != ""
} else := "default"

deny contains r if {
	lib.is_workload
	account == "default"
	r := lib.result(lib.pod_spec, "the pod runs as the namespace's default service account: set serviceAccountName to a dedicated account")
}
