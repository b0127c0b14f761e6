resource "aws_db_instance" "main" {
  identifier        = "helios-prod"
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  username          = "helios_admin"
  password          = "62A24qHFh%4D8_fgEXongoO#"
  allocated_storage = 200
}
