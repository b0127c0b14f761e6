# METADATA
# id: aws-cloudwatch-log-group-retention-unset
# title: CloudWatch log group keeps logs forever
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Logs::LogGroup", aws_cloudwatch_log_group]
# description: >-
#   An `aws_cloudwatch_log_group` sets no `retention_in_days` (or 0), CloudFormation
#   `AWS::Logs::LogGroup` no `RetentionInDays`, so the logs never expire. Logs often contain
#   personal data, tokens and internal details; keeping them indefinitely conflicts with data
#   minimization rules, widens what a leaked reader credential exposes, and costs money without
#   a decision anyone made. The retention should be a deliberate, documented choice.
# remediation: >-
#   Set the retention your incident-response and compliance needs require, e.g.
#   `retention_in_days = 365` (CloudFormation `RetentionInDays: 365`), and export to S3 or a
#   log archive account for longer-term storage.
# references:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#retention_in_days
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html
package rampart.aws.cloudwatch_log_group_retention_unset

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

never_expires(v, key) if lib_data.absent(v, key)

never_expires(v, key) if lib.number(v[key]) == 0

deny contains r if {
	lib.is_terraform
	some g in lib.managed("aws_cloudwatch_log_group")
	v := lib.values(g)
	never_expires(v, "retention_in_days")
	r := lib.attr_result(g, v, "retention_in_days", sprintf("%s sets no retention, so its logs never expire", [lib.describe(g)]))
}

deny contains r if {
	lib.is_cloudformation
	some g in lib.managed("AWS::Logs::LogGroup")
	never_expires(lib.values(g), "RetentionInDays")
	r := lib.result(g, sprintf("%s sets no RetentionInDays, so its logs never expire", [lib.describe(g)]))
}
