resource "google_service_account" "web" {
  account_id   = "shop-web"
  display_name = "Storefront web servers"
}

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
  }

  metadata = {
    enable-oslogin         = "TRUE"
    block-project-ssh-keys = "true"
  }

  service_account {
    email  = google_service_account.web.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
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
  }

  metadata = {
    block-project-ssh-keys = "true"
    serial-port-enable     = "false"
  }

  service_account {
    email  = google_service_account.web.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }

  lifecycle {
    create_before_destroy = true
  }
}
