variable "location" {
  type    = string
  default = "westeurope"
}

variable "prefix" {
  description = "Short name used in every resource name."
  type        = string
  default     = "contoso"
}

variable "admin_source" {
  description = "Where admins RDP from (set by the platform team)."
  type        = string
  default     = "Internet"
}

variable "admin_password" {
  description = "Local admin password for the jump host."
  type        = string
  sensitive   = true
}

variable "sql_admin_login" {
  type    = string
  default = "sqladmin"
}

variable "sql_admin_password" {
  type      = string
  sensitive = true
}

locals {
  tags = {
    application = "contoso-shop"
    environment = "prod"
    owner       = "platform-team"
  }
}
