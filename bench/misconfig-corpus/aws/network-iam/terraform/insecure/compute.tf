data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }
}

resource "aws_instance" "bastion" {
  ami                         = data.aws_ami.ubuntu.id
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.public[0].id
  vpc_security_group_ids      = [aws_security_group.bastion.id]
  associate_public_ip_address = true
  key_name                    = "ops"

  root_block_device {
    volume_size = 20
    encrypted   = true
  }

  tags = {
    Name = "${local.name}-bastion"
  }
}

resource "aws_instance" "app" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.debug.id]
  iam_instance_profile   = "shop-app"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "optional"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_size = 40
    encrypted   = true
  }

  tags = {
    Name = "${local.name}-app"
  }
}

resource "aws_launch_template" "workers" {
  name_prefix   = "${local.name}-workers-"
  image_id      = data.aws_ami.ubuntu.id
  instance_type = "c6i.large"

  network_interfaces {
    associate_public_ip_address = true
    security_groups             = [aws_security_group.windows.id]
  }

  metadata_options {
    http_endpoint = "enabled"
  }

  block_device_mappings {
    device_name = "/dev/sda1"

    ebs {
      volume_size = 50
      encrypted   = true
    }
  }
}
