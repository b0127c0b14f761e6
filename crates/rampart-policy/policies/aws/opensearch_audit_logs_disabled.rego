# METADATA
# id: aws-opensearch-audit-logs-disabled
# title: OpenSearch domain does not publish audit logs
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain", aws_elasticsearch_domain, aws_opensearch_domain]
# description: >-
#   The OpenSearch / Elasticsearch domain publishes no audit logs to CloudWatch Logs: it has no
#   log_publishing_options block with log_type = "AUDIT_LOGS" that is enabled (CloudFormation:
#   no enabled AUDIT_LOGS entry in LogPublishingOptions). Audit logs record authentication
#   failures, index and document access and changes to security settings; without them a
#   misuse of the cluster, or of the data indexed in it, leaves no trace.
# remediation: >-
#   Enable fine-grained access control (advanced_security_options) and publish audit logs to a
#   log group whose resource policy lets OpenSearch write to it:
#   `log_publishing_options { log_type = "AUDIT_LOGS" cloudwatch_log_group_arn =
#   aws_cloudwatch_log_group.search_audit.arn }` (CloudFormation `LogPublishingOptions:
#   {AUDIT_LOGS: {Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt SearchAuditLogs.Arn}}`), then
#   turn auditing on in the security plugin.
# references:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-opensearchservice-domain-logpublishingoption.html
package rampart.aws.opensearch_audit_logs_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

tf_types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

cfn_types := {"AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"}

audit := "AUDIT_LOGS"

# log_publishing_options that cannot be read completely: an audit log may be among them.
tf_undecided(v) if lib.is_unknown(object.get(v, "log_publishing_options", null))

tf_undecided(v) if {
	some b in lib.blocks(v, "log_publishing_options")
	not is_string(b.log_type)
}

tf_undecided(v) if {
	some b in lib.blocks(v, "log_publishing_options")
	b.log_type == audit
	lib.is_unknown(b.enabled)
}

# An audit-log block that is on (`enabled` defaults to true).
tf_audit_on(v) if {
	some b in lib.blocks(v, "log_publishing_options")
	b.log_type == audit
	not lib.is_false(object.get(b, "enabled", true))
}

tf_audit_blocks(v) := [b | some b in lib.blocks(v, "log_publishing_options"); b.log_type == audit]

deny contains r if {
	lib.is_terraform
	some t in tf_types
	some d in lib.managed(t)
	v := lib.values(d)
	not tf_undecided(v)
	count(tf_audit_blocks(v)) == 0
	r := lib.result(d, sprintf("%s publishes no audit logs (no log_publishing_options block with log_type AUDIT_LOGS)", [lib.describe(d)]))
}

deny contains r if {
	lib.is_terraform
	some t in tf_types
	some d in lib.managed(t)
	v := lib.values(d)
	not tf_undecided(v)
	not tf_audit_on(v)
	some b in tf_audit_blocks(v)
	r := lib.attr_result(d, b, "enabled", sprintf("%s publishes no audit logs (AUDIT_LOGS log publishing enabled = false)", [lib.describe(d)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in cfn_types
	some d in lib.managed(t)
	lib_data.absent(lib.values(d), "LogPublishingOptions")
	r := lib.result(d, sprintf("%s publishes no audit logs (no LogPublishingOptions)", [lib.describe(d)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in cfn_types
	some d in lib.managed(t)
	o := lib.values(d).LogPublishingOptions
	is_object(o)
	not lib.is_unknown(o)
	lib_data.absent(o, audit)
	r := lib.attr_result(d, lib.values(d), "LogPublishingOptions", sprintf("%s publishes no audit logs (LogPublishingOptions has no AUDIT_LOGS)", [lib.describe(d)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in cfn_types
	some d in lib.managed(t)
	a := lib.values(d).LogPublishingOptions[audit]
	is_object(a)
	lib.is_false(a.Enabled)
	r := lib.attr_result(d, a, "Enabled", sprintf("%s publishes no audit logs (AUDIT_LOGS Enabled is false)", [lib.describe(d)]))
}
