# METADATA
# id: azure-aks-local-accounts-enabled
# title: AKS cluster keeps local Kubernetes accounts
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_kubernetes_cluster]
# description: >-
#   An azurerm_kubernetes_cluster does not set local_account_disabled to true (the default is
#   false). The cluster then keeps its local admin account, whose static cluster-admin credentials
#   anyone with the "List cluster admin credential" permission can download; they bypass Entra ID
#   authentication, conditional access and per-user audit, and cannot be revoked short of rotating
#   the cluster certificates.
# remediation: >-
#   Use Entra ID integration and disable local accounts:
#   `local_account_disabled = true` with
#   `azure_active_directory_role_based_access_control { azure_rbac_enabled = true admin_group_object_ids = [var.aks_admins_group_id] }`.
# references:
#   - https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
package rampart.azure.aks_local_accounts

import data.rampart.cloud.lib

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	v := lib.values(c)
	not lib.has(v, "local_account_disabled")
	r := lib.result(c, sprintf("%s keeps local accounts enabled (local_account_disabled is not set)", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	v := lib.values(c)
	lib.is_false(v.local_account_disabled)
	r := lib.attr_result(c, v, "local_account_disabled", sprintf("%s keeps local accounts enabled (local_account_disabled = false)", [lib.describe(c)]))
}
