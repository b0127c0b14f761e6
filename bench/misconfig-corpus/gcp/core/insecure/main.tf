terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.30"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

# Product images served to browsers straight from the bucket.
resource "google_storage_bucket" "assets" {
  name          = "${local.name_prefix}-assets-${var.project_id}"
  location      = "EU"
  storage_class = "STANDARD"
  force_destroy = false
  labels        = local.labels

  cors {
    origin          = ["https://shop.example.com"]
    method          = ["GET", "HEAD"]
    response_header = ["Content-Type"]
    max_age_seconds = 3600
  }
}

resource "google_storage_bucket_iam_member" "assets_public_read" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

# Nightly order exports picked up by the finance team.
resource "google_storage_bucket" "exports" {
  name                        = "${local.name_prefix}-exports-${var.project_id}"
  location                    = var.region
  uniform_bucket_level_access = false
  labels                      = local.labels

  versioning {
    enabled = false
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }

  lifecycle_rule {
    condition {
      age = 30
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket_iam_binding" "exports_readers" {
  bucket = google_storage_bucket.exports.name
  role   = "roles/storage.objectViewer"
  members = [
    "group:finance@example.com",
    "allAuthenticatedUsers",
  ]
}

resource "google_storage_bucket" "access_logs" {
  name                        = "${local.name_prefix}-access-logs-${var.project_id}"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels                      = local.labels

  versioning {
    enabled = true
  }
}
