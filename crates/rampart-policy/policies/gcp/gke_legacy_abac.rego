# METADATA
# id: gcp-gke-legacy-abac-enabled
# title: GKE cluster uses legacy ABAC authorization
# severity: high
# kinds: [terraform]
# resource_types: [google_container_cluster]
# description: >-
#   A google_container_cluster sets enable_legacy_abac to true. Legacy attribute-based access
#   control grants broad, statically configured permissions that bypass Kubernetes RBAC; with it
#   on, service accounts and users get access that RBAC roles and bindings do not show, which
#   defeats least privilege inside the cluster.
# remediation: >-
#   Turn it off (`enable_legacy_abac = false`, the default) and grant access with Kubernetes RBAC
#   Roles/RoleBindings and IAM.
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster
package rampart.gcp.gke_legacy_abac

import data.rampart.cloud.lib

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	lib.is_true(v.enable_legacy_abac)
	r := lib.attr_result(c, v, "enable_legacy_abac", sprintf("%s enables legacy ABAC, which grants permissions outside Kubernetes RBAC", [lib.describe(c)]))
}
