resource "google_compute_network" "main" {
  name                    = "${local.name_prefix}-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "apps" {
  name          = "${local.name_prefix}-apps"
  region        = var.region
  network       = google_compute_network.main.id
  ip_cidr_range = "10.10.0.0/20"
}

resource "google_compute_firewall" "allow_ssh" {
  name      = "${local.name_prefix}-allow-ssh"
  network   = google_compute_network.main.name
  direction = "INGRESS"
  priority  = 1000

  source_ranges = [var.admin_source_range]
  target_tags   = ["ssh"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "allow_windows_admin" {
  name    = "${local.name_prefix}-allow-win-admin"
  network = google_compute_network.main.name

  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["windows"]

  allow {
    protocol = "tcp"
    ports    = ["3380-3390", "5985-5986"]
  }
}

# Temporary rule for the load test, never removed.
resource "google_compute_firewall" "allow_loadtest" {
  name    = "${local.name_prefix}-allow-loadtest"
  network = google_compute_network.main.name

  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }
}

resource "google_compute_firewall" "allow_web" {
  name    = "${local.name_prefix}-allow-web"
  network = google_compute_network.main.name

  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["web"]

  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
}

resource "google_dns_managed_zone" "shop" {
  name        = "shop-example-com"
  dns_name    = "shop.example.com."
  description = "Public zone of the shop"
  labels      = local.labels
}
