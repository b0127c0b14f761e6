package rampart.aws.opensearch_audit_logs_disabled

import data.rampart.aws.lib_data as t

test_domains_without_audit_logs_are_denied if {
	a := t.tf_res("aws_opensearch_domain", "logs", 127, {"domain_name": "logs", "log_publishing_options": [t.block(140, {"log_type": "INDEX_SLOW_LOGS", "cloudwatch_log_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:slow"})]})
	b := t.tf_res("aws_elasticsearch_domain", "legacy", 160, {"domain_name": "legacy"})
	c := t.tf_res("aws_opensearch_domain", "off", 180, {"domain_name": "off", "log_publishing_options": [t.block(190, {"log_type": "AUDIT_LOGS", "enabled": false, "__spans__": {"enabled": [192, 192]}})]})
	r := deny with input as t.tf([a, b, c])
	count(r) == 3
	{x.line | some x in r} == {127, 160, 192}
	rc := deny with input as t.cfn([
		t.cfn_res("AWS::OpenSearchService::Domain", "Search", 400, {"DomainName": "search"}),
		t.cfn_res("AWS::OpenSearchService::Domain", "Slow", 430, {"LogPublishingOptions": t.block(440, {"SEARCH_SLOW_LOGS": t.block(441, {"Enabled": true})}), "__spans__": {"LogPublishingOptions": [440, 444]}}),
		t.cfn_res("AWS::Elasticsearch::Domain", "Off", 460, {"LogPublishingOptions": t.block(470, {"AUDIT_LOGS": t.block(471, {"Enabled": "false", "__spans__": {"Enabled": [472, 472]}})})}),
	])
	count(rc) == 3
	{x.line | some x in rc} == {400, 440, 472}
}

test_domains_with_audit_logs_are_allowed if {
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_opensearch_domain", "on", 1, {"log_publishing_options": [
			t.block(5, {"log_type": "INDEX_SLOW_LOGS", "enabled": false}),
			t.block(10, {"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": t.tf_ref("aws_cloudwatch_log_group.audit")}),
		]}),
		t.tf_res("aws_opensearch_domain", "flag", 20, {"log_publishing_options": [t.block(25, {"log_type": "AUDIT_LOGS", "enabled": t.unknown("var.audit", [])})]}),
		t.tf_res("aws_opensearch_domain", "type", 40, {"log_publishing_options": [t.block(45, {"log_type": t.unknown("var.log_type", [])})]}),
		t.tf_res("aws_elasticsearch_domain", "dyn", 60, {"log_publishing_options": t.unknown("dynamic log_publishing_options", [])}),
	])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::OpenSearchService::Domain", "Search", 5, {"LogPublishingOptions": t.block(9, {"AUDIT_LOGS": t.block(10, {"Enabled": true, "CloudWatchLogsLogGroupArn": t.unknown("Fn::GetAtt AuditLogs.Arn", ["AuditLogs"])})})}),
		t.cfn_res("AWS::OpenSearchService::Domain", "Dyn", 30, {"LogPublishingOptions": t.unknown("Fn::If Prod", [])}),
		t.cfn_res("AWS::OpenSearchService::Domain", "Param", 50, {"LogPublishingOptions": t.block(55, {"AUDIT_LOGS": t.block(56, {"Enabled": t.unknown("Ref Audit", [])})})}),
	])
}
