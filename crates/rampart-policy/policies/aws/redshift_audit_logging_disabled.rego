# METADATA
# id: aws-redshift-audit-logging-disabled
# title: Redshift cluster audit logging is not enabled
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Redshift::Cluster", aws_redshift_cluster, aws_redshift_logging]
# description: >-
#   The Redshift cluster does not export audit logs: aws_redshift_cluster has no logging block
#   with enable = true and no aws_redshift_logging resource points at it (CloudFormation: the
#   AWS::Redshift::Cluster has no LoggingProperties). Audit logging is off by default; without
#   the connection, user and user-activity logs there is no record of who connected to the
#   warehouse and which queries they ran, which an investigation of a data leak needs.
# remediation: >-
#   Export the audit logs to CloudWatch Logs or S3 with a separate resource:
#   `resource "aws_redshift_logging" "warehouse" { cluster_identifier =
#   aws_redshift_cluster.warehouse.id log_destination_type = "cloudwatch" log_exports =
#   ["connectionlog", "userlog", "useractivitylog"] }` (CloudFormation `LoggingProperties:
#   {LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog]}`), and
#   set the parameter enable_user_activity_logging = true to record the queries.
# references:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_logging
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-redshift-cluster-loggingproperties.html
package rampart.aws.redshift_audit_logging_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# An aws_redshift_logging resource is, or may be, this cluster's.
separate_logging(c) if count(lib_data.attached("aws_redshift_logging", "cluster_identifier", c, "cluster_identifier")) > 0

separate_logging(c) if lib_data.attachment_unclear("aws_redshift_logging", "cluster_identifier", c, "cluster_identifier")

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_redshift_cluster")
	v := lib.values(c)
	count(lib.blocks(v, "logging")) == 0
	not lib.is_unknown(object.get(v, "logging", null))
	not separate_logging(c)
	r := lib.result(c, sprintf("%s has no audit logging (no logging block and no aws_redshift_logging for it)", [lib.describe(c)]))
}

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_redshift_cluster")
	v := lib.values(c)
	some b in lib.blocks(v, "logging")
	lib.is_false(b.enable)
	not separate_logging(c)
	r := lib.attr_result(c, b, "enable", sprintf("%s has no audit logging (logging.enable = false)", [lib.describe(c)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::Redshift::Cluster")
	lib_data.absent(lib.values(c), "LoggingProperties")
	r := lib.result(c, sprintf("%s has no audit logging (no LoggingProperties)", [lib.describe(c)]))
}
