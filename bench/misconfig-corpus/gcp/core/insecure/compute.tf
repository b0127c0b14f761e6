data "google_compute_default_service_account" "default" {}

resource "google_compute_instance" "bastion" {
  name         = "${local.name_prefix}-bastion"
  machine_type = "e2-micro"
  zone         = var.zone
  tags         = ["ssh"]
  labels       = local.labels

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.apps.id

    access_config {}
  }

  metadata = {
    serial-port-enable = "TRUE"
    enable-oslogin     = "FALSE"
    startup-script     = "apt-get update && apt-get install -y tmux"
  }

  service_account {
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_integrity_monitoring = false
  }
}

resource "google_compute_instance_template" "web" {
  name_prefix  = "${local.name_prefix}-web-"
  machine_type = "e2-standard-2"
  tags         = ["web"]
  labels       = local.labels

  disk {
    source_image = "debian-cloud/debian-12"
    auto_delete  = true
    boot         = true
  }

  network_interface {
    subnetwork = google_compute_subnetwork.apps.id

    access_config {
      network_tier = "STANDARD"
    }
  }

  metadata = {
    block-project-ssh-keys = "true"
  }

  service_account {
    email  = data.google_compute_default_service_account.default.email
    scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }

  lifecycle {
    create_before_destroy = true
  }
}
