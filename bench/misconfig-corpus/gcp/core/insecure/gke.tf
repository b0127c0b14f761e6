resource "google_service_account" "gke_nodes" {
  account_id   = "gke-nodes"
  display_name = "GKE node pool"
}

resource "google_container_cluster" "main" {
  name     = "${local.name_prefix}-gke"
  location = var.region

  network    = google_compute_network.main.id
  subnetwork = google_compute_subnetwork.apps.id

  remove_default_node_pool = true
  initial_node_count       = 1

  enable_legacy_abac = true

  release_channel {
    channel = "REGULAR"
  }

  resource_labels = local.labels
}

resource "google_container_node_pool" "workers" {
  name       = "workers"
  cluster    = google_container_cluster.main.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = false
  }

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.gke_nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    metadata = {
      disable-legacy-endpoints = "false"
    }

    # The image-resizer still reads the node service account token.
    workload_metadata_config {
      mode = "GCE_METADATA"
    }

    labels = local.labels
  }
}
