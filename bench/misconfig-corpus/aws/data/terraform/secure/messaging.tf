resource "aws_sqs_queue" "work" {
  for_each = var.queues

  name                              = "${local.name}-${each.key}"
  kms_master_key_id                 = aws_kms_key.data.id
  kms_data_key_reuse_period_seconds = 300
}

# SQS-managed encryption (the default for new queues).
resource "aws_sqs_queue" "dead_letter" {
  name                    = "${local.name}-dead-letter"
  sqs_managed_sse_enabled = true
}

resource "aws_sns_topic" "alerts" {
  name              = "${local.name}-alerts"
  kms_master_key_id = aws_kms_alias.data.name
}

resource "aws_kinesis_stream" "events" {
  name             = "${local.name}-events"
  retention_period = 48
  encryption_type  = "KMS"
  kms_key_id       = aws_kms_key.data.arn

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/${local.name}/app"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_ecr_repository" "api" {
  name                 = "${local.name}/api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.data.arn
  }
}

resource "aws_secretsmanager_secret" "payment_provider" {
  name        = "${local.name}/payment-provider"
  description = "API credentials of the payment provider"
  kms_key_id  = aws_kms_key.data.arn
}
