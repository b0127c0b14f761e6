# METADATA
# id: gcp-gke-legacy-metadata-endpoints
# title: GKE nodes expose the legacy metadata endpoints
# severity: high
# kinds: [terraform]
# resource_types: [google_container_cluster, google_container_node_pool]
# description: >-
#   A GKE node configuration (node_config of a google_container_cluster, of its node_pool blocks,
#   or of a google_container_node_pool) sets the metadata key disable-legacy-endpoints to false.
#   The legacy v0.1 and v1beta1 metadata endpoints answer requests without the
#   Metadata-Flavor header, so a server-side request forgery in any pod can read the node's
#   service account token and the kubelet credentials from instance attributes.
# remediation: >-
#   Remove the key or set it to true: `node_config { metadata = { disable-legacy-endpoints = "true" } }`,
#   and use `workload_metadata_config { mode = "GKE_METADATA" }` (Workload Identity) so pods do not
#   see the node's credentials at all.
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata
#   - https://cloud.google.com/compute/docs/metadata/overview
package rampart.gcp.gke_legacy_metadata

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

node_configs contains [c, nc] if {
	some c in lib.managed("google_container_cluster")
	some nc in lib.blocks(lib.values(c), "node_config")
}

node_configs contains [c, nc] if {
	some c in lib.managed("google_container_cluster")
	some p in lib.blocks(lib.values(c), "node_pool")
	some nc in lib.blocks(p, "node_config")
}

node_configs contains [np, nc] if {
	some np in lib.managed("google_container_node_pool")
	some nc in lib.blocks(lib.values(np), "node_config")
}

deny contains r if {
	some [owner, nc] in node_configs
	gcp.flag_off(gcp.metadata_value(nc, "disable-legacy-endpoints"))
	r := lib.attr_result(owner, nc, "metadata", sprintf("%s sets disable-legacy-endpoints to false, exposing the legacy metadata endpoints to pods", [lib.describe(owner)]))
}
