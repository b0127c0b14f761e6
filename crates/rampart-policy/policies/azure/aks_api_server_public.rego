# METADATA
# id: azure-aks-api-server-unrestricted
# title: AKS API server reachable from any address
# severity: high
# kinds: [terraform]
# resource_types: [azurerm_kubernetes_cluster]
# description: >-
#   An azurerm_kubernetes_cluster is not a private cluster (private_cluster_enabled is not true)
#   and restricts its API server to no IP ranges: neither
#   api_server_access_profile.authorized_ip_ranges (azurerm 3.x/4) nor
#   api_server_authorized_ip_ranges (azurerm 3 and earlier) is set, or they include 0.0.0.0/0. The
#   Kubernetes API is then exposed to the whole internet, to credential attacks and to any API
#   server vulnerability reachable before authentication.
# remediation: >-
#   Limit the API server to the administrators' and CI's ranges:
#   `api_server_access_profile { authorized_ip_ranges = ["203.0.113.0/24"] }`, or create a private
#   cluster with `private_cluster_enabled = true`.
# references:
#   - https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges
#   - https://learn.microsoft.com/en-us/azure/aks/private-clusters
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
package rampart.azure.aks_api_server_public

import data.rampart.cloud.lib

# Every authorized range, known or not, from both argument styles.
ranges(v) := array.concat(
	list(v, "api_server_authorized_ip_ranges"),
	[x | some p in lib.blocks(v, "api_server_access_profile"); some x in list(p, "authorized_ip_ranges")],
)

# List argument `key` of `o` (empty when absent or not a list).
list(o, key) := o[key] if {
	is_array(o[key])
} else := []

undecided(v) if lib.is_unknown(v.private_cluster_enabled)

undecided(v) if lib.is_unknown(v.api_server_authorized_ip_ranges)

undecided(v) if lib.is_unknown(v.api_server_access_profile)

undecided(v) if {
	some p in lib.blocks(v, "api_server_access_profile")
	lib.has(p, "authorized_ip_ranges")
	not is_array(p.authorized_ip_ranges)
}

undecided(v) if {
	some p in lib.blocks(v, "api_server_access_profile")
	lib.is_unknown(p.authorized_ip_ranges)
}

undecided(v) if {
	some x in ranges(v)
	lib.is_unknown(x)
}

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	v := lib.values(c)
	not lib.is_true(object.get(v, "private_cluster_enabled", false))
	not undecided(v)
	count(ranges(v)) == 0
	r := lib.result(c, sprintf("%s exposes its API server to every address (no authorized IP ranges, not a private cluster)", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("azurerm_kubernetes_cluster")
	v := lib.values(c)
	not lib.is_true(object.get(v, "private_cluster_enabled", false))
	some x in ranges(v)
	x in {"0.0.0.0/0", "0.0.0.0/1", "*"}
	r := lib.result(c, sprintf("%s authorizes %s to reach its API server", [lib.describe(c), x]))
}
