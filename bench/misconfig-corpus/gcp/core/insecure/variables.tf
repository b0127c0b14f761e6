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

variable "admin_source_range" {
  description = "Where operators connect from. TODO: restrict to the office VPN."
  type        = string
  default     = "0.0.0.0/0"
}

variable "db_tier" {
  type    = string
  default = "db-custom-2-7680"
}

variable "web_instance_count" {
  type    = number
  default = 2
}

locals {
  name_prefix = "shop"
  labels = {
    team        = "storefront"
    environment = "prod"
    managed_by  = "terraform"
  }
}
