variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "replica" {
  identifier = "helios-replica"
  username   = "helios_admin"
  password   = var.db_password
}

resource "random_password" "app" {
  length  = 32
  special = true
}
