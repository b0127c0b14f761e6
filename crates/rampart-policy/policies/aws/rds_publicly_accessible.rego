# METADATA
# id: aws-rds-publicly-accessible
# title: RDS database is publicly accessible
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::RDS::DBCluster", "AWS::RDS::DBInstance", aws_db_instance, aws_rds_cluster, aws_rds_cluster_instance]
# description: >-
#   An RDS DB instance, Aurora cluster instance or Multi-AZ DB cluster sets
#   `publicly_accessible = true` (CloudFormation `PubliclyAccessible: true`). RDS then gives the
#   database a public DNS name and IP address, and in a subnet with a route to an internet
#   gateway only the security group stands between the database port and the whole internet,
#   exposing it to credential stuffing and to any vulnerability of the engine.
# remediation: >-
#   Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`), place the
#   database in private subnets, and reach it from outside through a bastion, AWS Systems Manager
#   port forwarding, a VPN or RDS Proxy.
# references:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#publicly_accessible
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
package rampart.aws.rds_publicly_accessible

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in {"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"}
	some db in lib.managed(t)
	v := lib.values(db)
	lib.is_true(object.get(v, "publicly_accessible", false))
	r := lib.attr_result(db, v, "publicly_accessible", sprintf("%s is publicly accessible", [lib.describe(db)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in {"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"}
	some db in lib.managed(t)
	lib.is_true(object.get(lib.values(db), "PubliclyAccessible", false))
	r := lib.result(db, sprintf("%s is publicly accessible", [lib.describe(db)]))
}
