resource "google_service_account" "ci" {
  account_id   = "ci-deployer"
  display_name = "CI deployer"
}

# Exported for the CI system's GOOGLE_CREDENTIALS variable.
resource "google_service_account_key" "ci" {
  service_account_id = google_service_account.ci.name
}

resource "google_project_iam_member" "ci_editor" {
  project = var.project_id
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.ci.email}"
}

# CI deploys Cloud Run services that run as other service accounts.
resource "google_project_iam_member" "ci_act_as" {
  project = var.project_id
  role    = "roles/iam.serviceAccountUser"
  member  = "serviceAccount:${google_service_account.ci.email}"
}

# Lets the data team run pipelines as the ETL service account from their laptops.
resource "google_project_iam_binding" "token_creators" {
  project = var.project_id
  role    = "roles/iam.serviceAccountTokenCreator"
  members = [
    "group:data-team@example.com",
  ]
}

resource "google_project_iam_binding" "owners" {
  project = var.project_id
  role    = "roles/owner"
  members = [
    "user:alice@example.com",
    "user:bob@example.com",
  ]
}

resource "google_pubsub_topic" "order_events" {
  name   = "${local.name_prefix}-order-events"
  labels = local.labels
}

resource "google_pubsub_topic_iam_member" "partners_subscribe" {
  topic  = google_pubsub_topic.order_events.name
  role   = "roles/pubsub.subscriber"
  member = "allAuthenticatedUsers"
}

resource "google_kms_key_ring" "shop" {
  name     = "${local.name_prefix}-keys"
  location = var.region
}

resource "google_kms_crypto_key" "app" {
  name     = "app-secrets"
  key_ring = google_kms_key_ring.shop.id
}

resource "google_kms_crypto_key" "backups" {
  name            = "backups"
  key_ring        = google_kms_key_ring.shop.id
  rotation_period = "31536000s"
}
