package rampart.aws.apigateway_stage_no_access_log

import data.rampart.aws.lib_iam as t

test_stages_without_access_logs_are_denied if {
	a := t.tf_res("aws_api_gateway_stage", "prod", 1, {"stage_name": "prod"})
	b := t.tf_res("aws_apigatewayv2_stage", "default", 20, {"name": "$default", "auto_deploy": true})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 20}
	c := t.cfn_res("AWS::ApiGatewayV2::Stage", "Stage", 5, {"StageName": "$default"})
	d := t.cfn_res("AWS::ApiGateway::Stage", "Prod", 30, {"StageName": "prod"})
	count(deny) == 2 with input as t.cfn([c, d])
}

test_logged_stages_are_allowed if {
	a := t.tf_res("aws_api_gateway_stage", "prod", 1, {"access_log_settings": [t.block(4, {"destination_arn": t.unknown("aws_cloudwatch_log_group.api.arn", ["aws_cloudwatch_log_group.api"]), "format": "$context.requestId"})]})
	count(deny) == 0 with input as t.tf([a])
	c := t.cfn_res("AWS::ApiGateway::Stage", "Prod", 30, {"AccessLogSetting": {"DestinationArn": "arn:aws:logs:eu-west-1:123456789012:log-group:api", "Format": "$context.requestId"}})
	count(deny) == 0 with input as t.cfn([c])
}
