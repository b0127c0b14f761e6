# METADATA
# id: azure-aks-rbac-disabled
# title: AKS cluster with Kubernetes RBAC turned off
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_kubernetes_cluster]
# description: >-
#   An azurerm_kubernetes_cluster sets role_based_access_control_enabled = false (azurerm 3 and
#   4) or role_based_access_control { enabled = false } (azurerm 2). Without RBAC the API server
#   authorizes every authenticated request, so any user or service account token can read secrets
#   and change every workload in the cluster.
# remediation: >-
#   Keep RBAC on (the default), `role_based_access_control_enabled = true`, ideally with Entra ID
#   integration: `azure_active_directory_role_based_access_control { azure_rbac_enabled = true }`.
#   RBAC cannot be turned on for an existing cluster, so this means recreating it.
# references:
#   - https://learn.microsoft.com/en-us/azure/aks/concepts-identity
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
package rampart.azure.aks_rbac

import data.rampart.cloud.lib

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	v := lib.values(c)
	lib.is_false(v.role_based_access_control_enabled)
	r := lib.attr_result(c, v, "role_based_access_control_enabled", sprintf("%s turns Kubernetes RBAC off", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	some b in lib.blocks(lib.values(c), "role_based_access_control")
	lib.is_false(b.enabled)
	r := lib.attr_result(c, b, "enabled", sprintf("%s turns Kubernetes RBAC off", [lib.describe(c)]))
}
