# METADATA
# id: gcp-gke-network-policy-disabled
# title: GKE cluster without network policy enforcement
# severity: medium
# kinds: [terraform]
# resource_types: [google_container_cluster]
# description: >-
#   A standard (non-Autopilot) google_container_cluster that does not use GKE Dataplane V2
#   (datapath_provider ADVANCED_DATAPATH) has no network_policy block or sets
#   network_policy.enabled to false. Kubernetes NetworkPolicy objects are then silently not
#   enforced, so every pod can reach every other pod and a compromised pod can move laterally to
#   databases and internal services.
# remediation: >-
#   Use Dataplane V2, which enforces NetworkPolicy natively (`datapath_provider = "ADVANCED_DATAPATH"`),
#   or enable the Calico enforcement:
#   `network_policy { enabled = true provider = "CALICO" }` with
#   `addons_config { network_policy_config { disabled = false } }`.
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster
package rampart.gcp.gke_network_policy

import data.rampart.cloud.lib

exempt(v) if lib.is_true(v.enable_autopilot)

exempt(v) if v.datapath_provider == "ADVANCED_DATAPATH"

exempt(v) if lib.is_unknown(v.enable_autopilot)

exempt(v) if lib.is_unknown(v.datapath_provider)

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	not exempt(v)
	not lib.has(v, "network_policy")
	r := lib.result(c, sprintf("%s has no network_policy, so Kubernetes NetworkPolicies are not enforced", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	not exempt(v)
	some np in lib.blocks(v, "network_policy")
	lib.is_false(np.enabled)
	r := lib.attr_result(c, np, "enabled", sprintf("%s disables network policy enforcement, so Kubernetes NetworkPolicies are not enforced", [lib.describe(c)]))
}
