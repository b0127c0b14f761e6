# METADATA
# id: aws-redshift-publicly-accessible
# title: Redshift cluster is publicly accessible
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Redshift::Cluster", aws_redshift_cluster]
# description: >-
#   An `aws_redshift_cluster` sets `publicly_accessible = true` (CloudFormation
#   `PubliclyAccessible: true`). The cluster then gets a public IP address and endpoint, and
#   only its security group keeps the whole internet away from a warehouse that typically holds
#   the organization's most complete copy of its data. Clusters that leave the setting out are
#   not flagged: the default depends on the provider version (true before AWS provider 6) and
#   on the API (private since 2025).
# remediation: >-
#   Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`), put the
#   cluster in private subnets, and give outside tools access through a VPN, a bastion or
#   Redshift-managed VPC endpoints.
# references:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#publicly_accessible
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-redshift-cluster.html
package rampart.aws.redshift_publicly_accessible

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_redshift_cluster")
	v := lib.values(c)
	lib.is_true(object.get(v, "publicly_accessible", null))
	r := lib.attr_result(c, v, "publicly_accessible", sprintf("%s is publicly accessible", [lib.describe(c)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::Redshift::Cluster")
	lib.is_true(object.get(lib.values(c), "PubliclyAccessible", null))
	r := lib.result(c, sprintf("%s is publicly accessible", [lib.describe(c)]))
}
