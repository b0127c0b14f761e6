terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIAJAMGNI7JPEXKIQEA"
  secret_key = "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"

  default_tags {
    tags = {
      Project = "helios"
      Owner   = "platform"
    }
  }
}
