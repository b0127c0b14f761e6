resource "aws_db_instance" "app" {
  identifier     = "${local.name}-app"
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = "db.t4g.medium"

  allocated_storage = 50
  storage_type      = "gp3"

  db_name  = "storefront"
  username = var.db_username
  password = var.db_password

  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = var.data_security_group_ids
  publicly_accessible    = true

  backup_retention_period = 1
  skip_final_snapshot     = true
}

resource "aws_db_snapshot" "app_export" {
  db_instance_identifier = aws_db_instance.app.identifier
  db_snapshot_identifier = "${local.name}-app-export"
  shared_accounts        = ["all"]
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "${local.name}-analytics"
  engine             = "aurora-postgresql"
  engine_version     = "15.4"
  database_name      = "analytics"
  master_username    = var.db_username
  master_password    = var.db_password

  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = var.data_security_group_ids

  storage_encrypted   = false
  deletion_protection = false
  skip_final_snapshot = true
}

resource "aws_rds_cluster_instance" "analytics" {
  count = 2

  identifier         = "${local.name}-analytics-${count.index}"
  cluster_identifier = aws_rds_cluster.analytics.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.analytics.engine
  engine_version     = aws_rds_cluster.analytics.engine_version
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "${local.name}-warehouse"
  database_name      = "warehouse"
  master_username    = "awsuser"
  master_password    = var.db_password
  node_type          = "ra3.xlplus"
  cluster_type       = "multi-node"
  number_of_nodes    = 2

  publicly_accessible = true
  encrypted           = false

  skip_final_snapshot = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "${local.name}-sessions"
  description          = "Session store"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  port                 = 6379

  subnet_group_name  = var.cache_subnet_group_name
  security_group_ids = var.data_security_group_ids

  automatic_failover_enabled = true
}

resource "aws_dynamodb_table" "orders" {
  name         = "${local.name}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }
}

resource "aws_efs_file_system" "shared" {
  creation_token   = "${local.name}-shared"
  performance_mode = "generalPurpose"

  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
}
