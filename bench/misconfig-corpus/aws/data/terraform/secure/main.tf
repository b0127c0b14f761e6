terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "production"
}

variable "app_ami_id" {
  type    = string
  default = "ami-0c1c30571d2dae5c9"
}

variable "db_subnet_group_name" {
  type    = string
  default = "production-private"
}

variable "cache_subnet_group_name" {
  type    = string
  default = "production-cache"
}

variable "data_security_group_ids" {
  type    = list(string)
  default = ["sg-0f1e2d3c4b5a69788"]
}

variable "private_subnet_id" {
  type    = string
  default = "subnet-0fedcba9876543210"
}

variable "queues" {
  description = "Work queues of the order pipeline."
  type        = set(string)
  default     = ["payments", "fulfilment"]
}

variable "log_retention_days" {
  type    = number
  default = 365
}

locals {
  name = "acme-${var.environment}"

  tags = {
    Project     = "storefront"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

# One customer-managed key for the data stores of this stack.
resource "aws_kms_key" "data" {
  description             = "${local.name} data at rest"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "data" {
  name          = "alias/${local.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

# Account-wide guard rails.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.data.arn
}
