# METADATA
# id: aws-rds-iam-auth-disabled
# title: RDS IAM database authentication is off
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::RDS::DBCluster", "AWS::RDS::DBInstance", aws_db_instance, aws_rds_cluster]
# description: >-
#   A MySQL, MariaDB or PostgreSQL database (RDS instance or Aurora/Multi-AZ cluster) does not
#   enable IAM database authentication (`iam_database_authentication_enabled`, CloudFormation
#   `EnableIAMDatabaseAuthentication`). Applications and people then log in only with
#   long-lived database passwords that end up in configuration files and are rarely rotated,
#   instead of 15-minute tokens issued to IAM roles and revoked with them. Engines without IAM
#   authentication (Oracle, SQL Server, Db2), read replicas and Aurora member instances are not
#   flagged.
# remediation: >-
#   Set `iam_database_authentication_enabled = true` (CloudFormation
#   `EnableIAMDatabaseAuthentication: true`), create database users mapped to IAM
#   (`GRANT rds_iam TO app_user` on PostgreSQL, `IDENTIFIED WITH AWSAuthenticationPlugin` on
#   MySQL), and grant `rds-db:connect` to the application's role.
# references:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#iam_database_authentication_enabled
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
package rampart.aws.rds_iam_auth_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

engines := {"mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"}

supported(v, key) if {
	is_string(v[key])
	lower(v[key]) in engines
}

off(v, flag) if lib.is_false(object.get(v, flag, false))

deny contains r if {
	lib.is_terraform
	some t in {"aws_db_instance", "aws_rds_cluster"}
	some db in lib.managed(t)
	v := lib.values(db)
	supported(v, "engine")
	off(v, "iam_database_authentication_enabled")
	not lib_data.given(v, "replicate_source_db")
	not member(t, v)
	r := lib.attr_result(db, v, "iam_database_authentication_enabled", sprintf("%s does not enable IAM database authentication", [lib.describe(db)]))
}

member(t, v) if {
	t == "aws_db_instance"
	lib_data.tf_aurora_member(v)
}

deny contains r if {
	lib.is_cloudformation
	some t in {"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"}
	some db in lib.managed(t)
	v := lib.values(db)
	supported(v, "Engine")
	off(v, "EnableIAMDatabaseAuthentication")
	not lib_data.given(v, "SourceDBInstanceIdentifier")
	not cfn_member(t, v)
	r := lib.result(db, sprintf("%s does not enable IAM database authentication", [lib.describe(db)]))
}

cfn_member(t, v) if {
	t == "AWS::RDS::DBInstance"
	lib_data.cfn_cluster_member(v)
}
