# METADATA
# id: gcp-gke-node-auto-upgrade-disabled
# title: GKE node pool with auto-upgrade turned off
# severity: medium
# kinds: [terraform]
# resource_types: [google_container_cluster, google_container_node_pool]
# description: >-
#   A google_container_node_pool, or a node_pool block of a google_container_cluster, sets
#   management.auto_upgrade to false. Its nodes then keep their GKE version, node image and kernel
#   until someone upgrades them by hand, missing security patches for the kubelet, the container
#   runtime and the OS, and drift out of the version skew the control plane supports.
# remediation: >-
#   Keep auto-upgrade on and control timing with a maintenance window and a release channel:
#   `management { auto_repair = true auto_upgrade = true }` on the node pool and
#   `release_channel { channel = "REGULAR" }` on the cluster.
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool
package rampart.gcp.gke_node_auto_upgrade

import data.rampart.cloud.lib

# Node pools with the resource they are declared in.
pools contains [np, lib.values(np)] if some np in lib.managed("google_container_node_pool")

pools contains [c, p] if {
	some c in lib.managed("google_container_cluster")
	some p in lib.blocks(lib.values(c), "node_pool")
}

deny contains r if {
	some [owner, pool] in pools
	some m in lib.blocks(pool, "management")
	lib.is_false(m.auto_upgrade)
	r := lib.attr_result(owner, m, "auto_upgrade", sprintf("%s turns node auto-upgrade off for node pool %s", [lib.describe(owner), object.get(pool, "name", "(default)")]))
}
