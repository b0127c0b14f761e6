# METADATA
# id: gcp-gke-control-plane-public
# title: GKE control plane reachable from any address
# severity: high
# kinds: [terraform]
# resource_types: [google_container_cluster]
# description: >-
#   A google_container_cluster neither makes its control plane endpoint private
#   (private_cluster_config.enable_private_endpoint = true) nor restricts it with a
#   master_authorized_networks_config block, or authorizes 0.0.0.0/0 there. The Kubernetes API
#   server is then reachable from the whole internet, exposed to credential attacks and to any
#   API server vulnerability before authentication.
# remediation: >-
#   Restrict the endpoint to the networks that administer the cluster:
#   `master_authorized_networks_config { cidr_blocks { cidr_block = "203.0.113.0/24" display_name = "office" } }`,
#   or make it private with `private_cluster_config { enable_private_nodes = true enable_private_endpoint = true }`.
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster
package rampart.gcp.gke_public_endpoint

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

private_endpoint(v) if {
	some p in lib.blocks(v, "private_cluster_config")
	lib.is_true(p.enable_private_endpoint)
}

undecided(v) if {
	some p in lib.blocks(v, "private_cluster_config")
	lib.is_unknown(p.enable_private_endpoint)
}

undecided(v) if lib.is_unknown(v.private_cluster_config)

undecided(v) if lib.is_unknown(v.master_authorized_networks_config)

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	not private_endpoint(v)
	not undecided(v)
	not lib.has(v, "master_authorized_networks_config")
	r := lib.result(c, sprintf("%s has a public control plane endpoint without master authorized networks", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	not private_endpoint(v)
	not undecided(v)
	some m in lib.blocks(v, "master_authorized_networks_config")
	some cb in lib.blocks(m, "cidr_blocks")
	gcp.open_cidr(cb.cidr_block)
	r := lib.attr_result(c, cb, "cidr_block", sprintf("%s authorizes %s to reach its control plane endpoint", [lib.describe(c), cb.cidr_block]))
}
