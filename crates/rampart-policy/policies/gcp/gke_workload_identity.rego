# METADATA
# id: gcp-gke-workload-identity-disabled
# title: GKE pods can use the node service account (Workload Identity off)
# severity: medium
# kinds: [terraform]
# resource_types: [google_container_cluster, google_container_node_pool]
# description: >-
#   A google_container_cluster (Standard mode) has no workload_identity_config, or a node
#   configuration (node_config of the cluster, of its node_pool blocks, or of a
#   google_container_node_pool) sets workload_metadata_config.mode to GCE_METADATA. Without the
#   GKE metadata server every pod can read the node's Compute Engine metadata and obtain access
#   tokens of the node service account, so one compromised pod gets the cloud permissions of all
#   workloads on the node. Autopilot clusters always use Workload Identity and are not reported.
# remediation: >-
#   Enable Workload Identity on the cluster and the GKE metadata server on every node pool:
#   `workload_identity_config { workload_pool = "${var.project_id}.svc.id.goog" }` and
#   `node_config { workload_metadata_config { mode = "GKE_METADATA" } }`; bind each Kubernetes
#   service account to its own Google service account.
# references:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#workload_identity_config
package rampart.gcp.gke_workload_identity

import data.rampart.cloud.lib

# Autopilot, or possibly Autopilot (unknown): Workload Identity cannot be turned off there.
maybe_autopilot(v) if lib.is_true(v.enable_autopilot)

maybe_autopilot(v) if lib.is_unknown(v.enable_autopilot)

deny contains r if {
	some c in lib.managed("google_container_cluster")
	v := lib.values(c)
	not maybe_autopilot(v)
	not lib.has(v, "workload_identity_config")
	r := lib.result(c, sprintf("%s has no workload_identity_config: pods can obtain the node service account's credentials from the metadata server", [lib.describe(c)]))
}

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
	some w in lib.blocks(nc, "workload_metadata_config")
	is_string(w.mode)
	upper(w.mode) == "GCE_METADATA"
	r := lib.attr_result(owner, w, "mode", sprintf("%s sets workload_metadata_config.mode = \"GCE_METADATA\": pods on these nodes can obtain the node service account's credentials", [lib.describe(owner)]))
}

# Provider versions before 4.0 spelled it node_metadata = "EXPOSE".
deny contains r if {
	some [owner, nc] in node_configs
	some w in lib.blocks(nc, "workload_metadata_config")
	is_string(w.node_metadata)
	upper(w.node_metadata) == "EXPOSE"
	r := lib.attr_result(owner, w, "node_metadata", sprintf("%s sets workload_metadata_config.node_metadata = \"EXPOSE\": pods on these nodes can obtain the node service account's credentials", [lib.describe(owner)]))
}
