resource "aws_db_instance" "app" {
  identifier     = "${local.name}-app"
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = "db.m6g.large"

  allocated_storage     = 100
  max_allocated_storage = 500
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.data.arn

  db_name                     = "storefront"
  username                    = "app_admin"
  manage_master_user_password = true

  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = var.data_security_group_ids
  publicly_accessible    = false
  multi_az               = true

  iam_database_authentication_enabled = true
  backup_retention_period             = 14
  deletion_protection                 = true
  final_snapshot_identifier           = "${local.name}-app-final"
}

resource "aws_db_instance" "app_replica" {
  identifier          = "${local.name}-app-replica"
  replicate_source_db = aws_db_instance.app.identifier
  instance_class      = "db.m6g.large"
  publicly_accessible = false
  skip_final_snapshot = true
}

resource "aws_db_snapshot" "app_dr" {
  db_instance_identifier = aws_db_instance.app.identifier
  db_snapshot_identifier = "${local.name}-app-dr"
  shared_accounts        = ["444455556666"]
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "${local.name}-analytics"
  engine             = "aurora-postgresql"
  engine_version     = "15.4"
  database_name      = "analytics"
  master_username    = "analytics_admin"

  manage_master_user_password = true

  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = var.data_security_group_ids

  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.data.arn
  iam_database_authentication_enabled = true
  backup_retention_period             = 7
  deletion_protection                 = true
  final_snapshot_identifier           = "${local.name}-analytics-final"
}

resource "aws_rds_cluster_instance" "analytics" {
  count = 2

  identifier          = "${local.name}-analytics-${count.index}"
  cluster_identifier  = aws_rds_cluster.analytics.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.analytics.engine
  engine_version      = aws_rds_cluster.analytics.engine_version
  publicly_accessible = false
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "${local.name}-warehouse"
  database_name      = "warehouse"
  master_username    = "awsuser"
  node_type          = "ra3.xlplus"
  cluster_type       = "multi-node"
  number_of_nodes    = 2

  manage_master_password = true
  publicly_accessible    = false
  encrypted              = true
  kms_key_id             = aws_kms_key.data.arn

  final_snapshot_identifier = "${local.name}-warehouse-final"
}

resource "aws_redshift_logging" "warehouse" {
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "${local.name}-sessions"
  description          = "Session store"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 2
  port                 = 6379

  subnet_group_name  = var.cache_subnet_group_name
  security_group_ids = var.data_security_group_ids

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "${local.name}-cache"
  description          = "Read-through cache"
  engine               = "valkey"
  engine_version       = "8.0"
  node_type            = "cache.t4g.medium"
  num_cache_clusters   = 2

  subnet_group_name  = var.cache_subnet_group_name
  security_group_ids = var.data_security_group_ids

  transit_encryption_enabled = true
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

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

resource "aws_efs_file_system" "shared" {
  creation_token   = "${local.name}-shared"
  performance_mode = "generalPurpose"
  encrypted        = true
  kms_key_id       = aws_kms_key.data.arn
}
