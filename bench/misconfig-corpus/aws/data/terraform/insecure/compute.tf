# Turned off while debugging a third-party AMI that could not boot from encrypted volumes.
resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_ebs_volume" "app_data" {
  availability_zone = "${var.region}a"
  size              = 200
  type              = "gp3"

  tags = {
    Name = "${local.name}-app-data"
  }
}

resource "aws_instance" "app" {
  ami           = var.app_ami_id
  instance_type = "t3.large"
  subnet_id     = var.private_subnet_id

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    volume_size = 30
    volume_type = "gp3"
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    volume_type = "gp3"
    encrypted   = false
  }

  tags = {
    Name = "${local.name}-app"
  }
}

resource "aws_launch_template" "workers" {
  name_prefix   = "${local.name}-workers-"
  image_id      = var.app_ami_id
  instance_type = "c6i.xlarge"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = 50
      volume_type           = "gp3"
      delete_on_termination = true
    }
  }
}
