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

resource "google_storage_bucket" "assets" {
  name                        = "${local.name_prefix}-assets-${var.project_id}"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  versioning {
    enabled = true
  }

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }
}

# The CDN backend reads the bucket with its own service account.
resource "google_storage_bucket_iam_member" "assets_cdn_read" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:service-123456789012@cloud-cdn-fill.iam.gserviceaccount.com"
}

resource "google_storage_bucket" "exports" {
  name                        = "${local.name_prefix}-exports-${var.project_id}"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  versioning {
    enabled = true
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
  ]
}

resource "google_storage_bucket" "access_logs" {
  name                        = "${local.name_prefix}-access-logs-${var.project_id}"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  versioning {
    enabled = true
  }
}
