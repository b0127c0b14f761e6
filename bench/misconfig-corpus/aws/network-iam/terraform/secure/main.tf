terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "production"
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["203.0.113.0/24"]
}

variable "log_archive_bucket_arn" {
  type    = string
  default = "arn:aws:s3:::acme-org-log-archive"
}

variable "api_access_log_group_arn" {
  type    = string
  default = "arn:aws:logs:eu-west-1:123456789012:log-group:/org/apigateway/access"
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:123456789012:certificate/0f6b2c4e-2d8a-4b7c-9a51-3e1f7d9c8b20"
}

variable "cdn_certificate_arn" {
  type    = string
  default = "arn:aws:acm:us-east-1:123456789012:certificate/7a3c1e55-91b4-4d0e-8f2a-6c5d4b3a2f10"
}

variable "partner_account_id" {
  type    = string
  default = "210987654321"
}

variable "partner_external_id" {
  type    = string
  default = "shop-import-7f3a"
}

locals {
  name         = "shop-${var.environment}"
  account_id   = "123456789012"
  trail_bucket = "acme-org-cloudtrail-archive"
  azs          = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 1
}
