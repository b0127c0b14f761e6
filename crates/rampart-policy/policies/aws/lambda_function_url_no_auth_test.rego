package rampart.aws.lambda_function_url_no_auth

import data.rampart.aws.lib_iam as t

test_public_function_urls_are_denied if {
	u := t.tf_res("aws_lambda_function_url", "hook", 1, {"function_name": t.unknown("aws_lambda_function.hook.function_name", ["aws_lambda_function.hook"]), "authorization_type": "NONE", "__spans__": {"authorization_type": [3, 3]}})
	r := deny with input as t.tf([u])
	count(r) == 1
	[x.line | some x in r] == [3]
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::Lambda::Url", "HookUrl", 5, {"AuthType": "NONE", "TargetFunctionArn": t.cfn_ref("Hook")})])
}

test_iam_authenticated_urls_are_allowed if {
	u := t.tf_res("aws_lambda_function_url", "api", 1, {"authorization_type": "AWS_IAM"})
	v := t.tf_res("aws_lambda_function_url", "var", 20, {"authorization_type": t.unknown("var.auth", [])})
	count(deny) == 0 with input as t.tf([u, v])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::Lambda::Url", "ApiUrl", 5, {"AuthType": "AWS_IAM"})])
}
