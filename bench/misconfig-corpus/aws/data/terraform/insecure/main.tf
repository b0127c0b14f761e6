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
  default = "staging"
}

variable "app_ami_id" {
  description = "AMI for the application servers (built by Packer)."
  type        = string
  default     = "ami-0c1c30571d2dae5c9"
}

variable "db_username" {
  type    = string
  default = "app"
}

variable "db_password" {
  description = "Master password, injected by the pipeline."
  type        = string
  sensitive   = true
}

variable "db_subnet_group_name" {
  type    = string
  default = "staging-private"
}

variable "cache_subnet_group_name" {
  type    = string
  default = "staging-cache"
}

variable "data_security_group_ids" {
  type    = list(string)
  default = ["sg-0a1b2c3d4e5f60718"]
}

variable "private_subnet_id" {
  type    = string
  default = "subnet-0123456789abcdef0"
}

locals {
  name = "acme-${var.environment}"

  tags = {
    Project     = "storefront"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}
