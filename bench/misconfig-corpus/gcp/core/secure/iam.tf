resource "google_service_account" "ci" {
  account_id   = "ci-deployer"
  display_name = "CI deployer"
}

# CI authenticates with Workload Identity Federation: no exported key.
resource "google_iam_workload_identity_pool" "ci" {
  workload_identity_pool_id = "ci-pool"
}

resource "google_iam_workload_identity_pool_provider" "github" {
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.repository" = "assertion.repository"
  }
  attribute_condition = "assertion.repository == \"acme/shop\""

  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_service_account_iam_member" "ci_wif" {
  service_account_id = google_service_account.ci.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/attribute.repository/acme/shop"
}

resource "google_project_iam_member" "ci_deploy" {
  for_each = toset([
    "roles/run.developer",
    "roles/artifactregistry.writer",
  ])

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.ci.email}"
}

# Identity of the Cloud Run services that CI deploys.
resource "google_service_account" "run_runtime" {
  account_id   = "shop-run"
  display_name = "Cloud Run runtime"
}

# CI may deploy services that run as this one account, not as any account of the project.
resource "google_service_account_iam_member" "ci_act_as_runtime" {
  service_account_id = google_service_account.run_runtime.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.ci.email}"
}

resource "google_project_iam_binding" "viewers" {
  project = var.project_id
  role    = "roles/viewer"
  members = [
    "group:storefront-devs@example.com",
  ]
}

resource "google_pubsub_topic" "order_events" {
  name         = "${local.name_prefix}-order-events"
  labels       = local.labels
  kms_key_name = google_kms_crypto_key.app.id
}

resource "google_pubsub_topic_iam_member" "partners_subscribe" {
  topic  = google_pubsub_topic.order_events.name
  role   = "roles/pubsub.subscriber"
  member = "serviceAccount:partner-feed@partner-project.iam.gserviceaccount.com"
}

resource "google_kms_key_ring" "shop" {
  name     = "${local.name_prefix}-keys"
  location = var.region
}

resource "google_kms_crypto_key" "app" {
  name            = "app-secrets"
  key_ring        = google_kms_key_ring.shop.id
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key" "backups" {
  name            = "backups"
  key_ring        = google_kms_key_ring.shop.id
  rotation_period = "2592000s"
}

resource "google_kms_crypto_key" "signing" {
  name     = "release-signing"
  key_ring = google_kms_key_ring.shop.id
  purpose  = "ASYMMETRIC_SIGN"

  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }
}
