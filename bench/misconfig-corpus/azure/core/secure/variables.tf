variable "location" {
  type    = string
  default = "westeurope"
}

variable "prefix" {
  description = "Short name used in every resource name."
  type        = string
  default     = "contoso"
}

variable "operator_ranges" {
  description = "Networks allowed to reach the AKS API server and the storage account."
  type        = list(string)
  default     = ["203.0.113.0/24"]
}

variable "admin_ssh_public_key" {
  description = "Public key of the jump host admin."
  type        = string
  default     = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJx8m8jJt0pQq3V3lYQpHq7oZt0V1r0b9oXq2mQ3b4Zs ops@contoso"
}

variable "sql_admin_group_object_id" {
  description = "Entra ID group administering the SQL server."
  type        = string
  default     = "00000000-0000-0000-0000-000000000000"
}

variable "aks_admin_group_object_id" {
  type    = string
  default = "11111111-1111-1111-1111-111111111111"
}

locals {
  tags = {
    application = "contoso-shop"
    environment = "prod"
    owner       = "platform-team"
  }
}
