# METADATA
# id: aws-apigateway-stage-no-access-log
# title: API Gateway stage has no access logging
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage", aws_api_gateway_stage, aws_apigatewayv2_stage]
# description: >-
#   The API Gateway stage (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`,
#   `AWS::ApiGateway::Stage`, `AWS::ApiGatewayV2::Stage`) has no access log settings, so there is
#   no record of who called which route, from where and with what result. That record is needed
#   to investigate abuse of the API, credential stuffing or data scraping.
# remediation: >-
#   Add `access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn format =
#   jsonencode({requestId = "$context.requestId", ip = "$context.identity.sourceIp", ...}) }`
#   (CloudFormation `AccessLogSetting` / `AccessLogSettings` with `DestinationArn` and `Format`).
# references:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage#access_log_settings
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-stage.html
package rampart.aws.apigateway_stage_no_access_log

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in {"aws_api_gateway_stage", "aws_apigatewayv2_stage"}
	some s in lib.managed(t)
	v := lib.values(s)
	count(lib.blocks(v, "access_log_settings")) == 0
	not lib.is_unknown(object.get(v, "access_log_settings", null))
	r := lib.result(s, sprintf("%s has no access_log_settings, so API calls are not logged", [lib.describe(s)]))
}

deny contains r if {
	lib.is_cloudformation
	some pair in [["AWS::ApiGateway::Stage", "AccessLogSetting"], ["AWS::ApiGatewayV2::Stage", "AccessLogSettings"]]
	some s in lib.managed(pair[0])
	lib_iam.absent(lib.values(s), pair[1])
	r := lib.result(s, sprintf("%s has no %s, so API calls are not logged", [lib.describe(s), pair[1]]))
}
