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
  default = "staging"
}

# Who may SSH to the bastion. "Temporarily" opened to everyone while the VPN is down.
variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:123456789012:certificate/0f6b2c4e-2d8a-4b7c-9a51-3e1f7d9c8b20"
}

variable "cdn_certificate_arn" {
  type    = string
  default = "arn:aws:acm:us-east-1:123456789012:certificate/7a3c1e55-91b4-4d0e-8f2a-6c5d4b3a2f10"
}

locals {
  name         = "shop-${var.environment}"
  trail_bucket = "acme-org-cloudtrail-archive"
  azs          = ["eu-west-1a", "eu-west-1b"]

  tags = {
    Project     = "shop"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
