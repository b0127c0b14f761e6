package rampart.aws.cloudwatch_log_group_retention_unset

import data.rampart.aws.lib_data as t

test_log_groups_without_retention_are_denied if {
	a := t.tf_res("aws_cloudwatch_log_group", "app", 1, {"name": "/app/api"})
	b := t.tf_res("aws_cloudwatch_log_group", "zero", 20, {"name": "/app/zero", "retention_in_days": 0, "__spans__": {"retention_in_days": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::Logs::LogGroup", "AppLogs", 5, {"LogGroupName": "/app/api"})])
}

test_log_groups_with_retention_are_allowed if {
	a := t.tf_res("aws_cloudwatch_log_group", "app", 1, {"name": "/app/api", "retention_in_days": 90})
	b := t.tf_res("aws_cloudwatch_log_group", "maybe", 20, {"name": "/app/maybe", "retention_in_days": t.unknown("var.retention", [])})
	count(deny) == 0 with input as t.tf([a, b])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::Logs::LogGroup", "AppLogs", 5, {"RetentionInDays": "365"})])
}
