# METADATA
# id: azure-aks-network-policy-missing
# title: AKS cluster without a network policy engine
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_kubernetes_cluster]
# description: >-
#   An azurerm_kubernetes_cluster has no network_profile block, or its network_profile sets no
#   network_policy (azure, calico or cilium). Kubernetes NetworkPolicy objects are then accepted
#   by the API server but not enforced, so every pod can reach every other pod and a compromised
#   pod can move laterally to databases and internal services. The engine can only be chosen
#   when the cluster is created.
# remediation: >-
#   Pick a network policy engine: `network_profile { network_plugin = "azure" network_policy = "azure" }`
#   (or "calico", or "cilium" with `network_data_plane = "cilium"`), then write default-deny
#   NetworkPolicies per namespace.
# references:
#   - https://learn.microsoft.com/en-us/azure/aks/use-network-policies
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
package rampart.azure.aks_network_policy

import data.rampart.azure.lib as az
import data.rampart.cloud.lib

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	v := lib.values(c)
	not lib.has(v, "network_profile")
	r := lib.result(c, sprintf("%s has no network_profile, so no network policy engine enforces NetworkPolicies", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	some np in lib.blocks(lib.values(c), "network_profile")
	not lib.has(np, "network_policy")
	r := az.block_result(c, np, sprintf("%s sets no network_policy in network_profile, so NetworkPolicies are not enforced", [lib.describe(c)]))
}
