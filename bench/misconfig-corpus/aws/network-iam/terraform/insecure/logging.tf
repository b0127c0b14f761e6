resource "aws_kms_key" "data" {
  description             = "Application data"
  deletion_window_in_days = 14
}

resource "aws_kms_alias" "data" {
  name          = "alias/${local.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_cloudtrail" "main" {
  name                          = "${local.name}-trail"
  s3_bucket_name                = local.trail_bucket
  include_global_service_events = true
}
