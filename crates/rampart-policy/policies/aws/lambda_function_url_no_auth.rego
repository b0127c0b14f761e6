# METADATA
# id: aws-lambda-function-url-no-auth
# title: Lambda function URL requires no authentication
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Lambda::Url", aws_lambda_function_url]
# description: >-
#   A Lambda function URL has `authorization_type = "NONE"` (CloudFormation `AuthType: NONE`):
#   anyone on the internet who learns the URL can invoke the function, run up its cost and reach
#   whatever the function's role can reach. Only webhooks and public endpoints that authenticate
#   callers in code should be set up this way.
# remediation: >-
#   Use `authorization_type = "AWS_IAM"` and sign requests with SigV4, or put the function behind
#   API Gateway or CloudFront with an authorizer; if it must stay public, verify a signature or
#   token in the handler and set reserved concurrency.
# references:
#   - https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-url.html
package rampart.aws.lambda_function_url_no_auth

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some u in lib.managed("aws_lambda_function_url")
	v := lib.values(u)
	v.authorization_type == "NONE"
	r := lib.attr_result(u, v, "authorization_type", sprintf("%s lets anyone invoke the function (authorization_type = \"NONE\")", [lib.describe(u)]))
}

deny contains r if {
	lib.is_cloudformation
	some u in lib.managed("AWS::Lambda::Url")
	v := lib.values(u)
	v.AuthType == "NONE"
	r := lib.result(u, sprintf("%s lets anyone invoke the function (AuthType: NONE)", [lib.describe(u)]))
}
