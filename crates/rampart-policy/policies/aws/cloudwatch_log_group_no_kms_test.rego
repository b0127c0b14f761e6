package rampart.aws.cloudwatch_log_group_no_kms

import data.rampart.aws.lib_data as t

test_log_group_without_key_is_denied if {
	g := t.tf_res("aws_cloudwatch_log_group", "app", 1, {"name": "/app/api", "retention_in_days": 30})
	r := deny with input as t.tf([g])
	count(r) == 1
	[x.line | some x in r] == [1]
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::Logs::LogGroup", "AppLogs", 5, {"RetentionInDays": 30})])
}

test_log_group_with_key_is_allowed if {
	a := t.tf_res("aws_cloudwatch_log_group", "app", 1, {"name": "/app/api", "kms_key_id": t.unknown("aws_kms_key.logs.arn", ["aws_kms_key.logs"])})
	count(deny) == 0 with input as t.tf([a])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::Logs::LogGroup", "AppLogs", 5, {"KmsKeyId": t.unknown("Fn::GetAtt LogsKey.Arn", ["LogsKey"])})])
}
