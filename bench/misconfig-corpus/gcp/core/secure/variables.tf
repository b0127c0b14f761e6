variable "project_id" {
  description = "Project that hosts the shop."
  type        = string
  default     = "acme-shop-prod"
}

variable "region" {
  type    = string
  default = "europe-west1"
}

variable "zone" {
  type    = string
  default = "europe-west1-b"
}

variable "operator_ranges" {
  description = "Networks allowed to reach the GKE control plane."
  type        = list(string)
  default     = ["203.0.113.0/24"]
}

variable "db_tier" {
  type    = string
  default = "db-custom-2-7680"
}

locals {
  name_prefix = "shop"
  # Identity-Aware Proxy TCP forwarding range.
  iap_range = "35.235.240.0/20"
  labels = {
    team        = "storefront"
    environment = "prod"
    managed_by  = "terraform"
  }
}
