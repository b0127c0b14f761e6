# METADATA
# id: gcp-gke-private-nodes-disabled
# title: GKE nodes get public IP addresses
# severity: medium
# kinds: [terraform]
# resource_types: [google_container_cluster]
# description: >-
#   A google_container_cluster has no private_cluster_config, or sets
#   private_cluster_config.enable_private_nodes to false. Every node then gets an external IP
#   address, so the kubelet, NodePort services and anything listening on the host network are
#   only a firewall rule away from the internet. This is about the nodes; whether the control
#   plane endpoint is public is a separate check (gcp-gke-control-plane-public).
# remediation: >-
#   Create the cluster with private nodes and give them outbound access through Cloud NAT:
#   `private_cluster_config { enable_private_nodes = true master_ipv4_cidr_block = "172.16.0.0/28" }`
#   (plus a google_compute_router_nat for the subnetwork).
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_private_nodes
package rampart.gcp.gke_private_nodes

import data.rampart.cloud.lib

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	not lib.has(v, "private_cluster_config")
	r := lib.result(c, sprintf("%s has no private_cluster_config: its nodes get public IP addresses", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	some p in lib.blocks(v, "private_cluster_config")
	not lib.has(p, "enable_private_nodes")
	r := lib.attr_result(c, p, "enable_private_nodes", sprintf("%s does not set private_cluster_config.enable_private_nodes: its nodes get public IP addresses", [lib.describe(c)]))
}

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	some p in lib.blocks(v, "private_cluster_config")
	lib.is_false(p.enable_private_nodes)
	r := lib.attr_result(c, p, "enable_private_nodes", sprintf("%s sets enable_private_nodes = false: its nodes get public IP addresses", [lib.describe(c)]))
}
