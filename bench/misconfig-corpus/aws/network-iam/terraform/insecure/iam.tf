# ---------------------------------------------------------------------------------------------
# CI deployer: launches the worker fleet
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ci_deploy" {
  statement {
    sid       = "PassInstanceRoles"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }

  statement {
    sid = "Fleet"
    actions = [
      "ec2:RunInstances",
      "ec2:CreateTags",
      "ec2:Describe*",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ci_deploy" {
  name        = "${local.name}-ci-deploy"
  description = "Used by the pipeline to roll out workers"
  policy      = data.aws_iam_policy_document.ci_deploy.json
}

# Break-glass policy for the on-call team.
resource "aws_iam_policy" "oncall" {
  name = "${local.name}-oncall"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

# ---------------------------------------------------------------------------------------------
# Lambda execution role
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lambda" {
  name               = "${local.name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json

  inline_policy {
    name = "self-update"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["lambda:UpdateFunctionCode", "lambda:GetFunction"]
        Resource = "*"
      }]
    })
  }
}

resource "aws_iam_role_policy" "lambda_ops" {
  name = "ops"
  role = aws_iam_role.lambda.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Data"
        Effect   = "Allow"
        Action   = ["s3:*", "kms:*"]
        Resource = "*"
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:*:*:log-group:/aws/lambda/*"
      },
    ]
  })
}

# ---------------------------------------------------------------------------------------------
# Partner integration role (they "could not get the external id to work")
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "partner" {
  name = "${local.name}-partner-import"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# ---------------------------------------------------------------------------------------------
# Legacy deploy user
# ---------------------------------------------------------------------------------------------

resource "aws_iam_user" "deploy" {
  name = "legacy-deploy"
}

resource "aws_iam_user_policy" "deploy" {
  name = "deploy"
  user = aws_iam_user.deploy.name

  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:CreatePolicyVersion",
        "iam:GetPolicy",
        "iam:GetPolicyVersion"
      ],
      "Resource": "*"
    }
  ]
}
EOF
}

resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name
}

# ---------------------------------------------------------------------------------------------
# Developers
# ---------------------------------------------------------------------------------------------

resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy" "developers" {
  name  = "developers"
  group = aws_iam_group.developers.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:*", "cloudwatch:*"]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 8
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  allow_users_to_change_password = true
}
