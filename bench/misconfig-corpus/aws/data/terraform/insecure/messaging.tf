resource "aws_sqs_queue" "jobs" {
  name                       = "${local.name}-jobs"
  visibility_timeout_seconds = 120
  message_retention_seconds  = 345600

  # The legacy consumer cannot call kms:Decrypt, so encryption was switched off.
  sqs_managed_sse_enabled = false
}

resource "aws_sns_topic" "alerts" {
  name = "${local.name}-alerts"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/${local.name}/app"
}

resource "aws_ecr_repository" "api" {
  name = "${local.name}/api"
}
