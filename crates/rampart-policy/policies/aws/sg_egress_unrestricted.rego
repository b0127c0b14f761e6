# METADATA
# id: aws-sg-egress-unrestricted
# title: Security group allows all outbound traffic to the internet
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress", aws_default_security_group, aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
# description: >-
#   A security group egress rule allows every protocol and port to 0.0.0.0/0 or ::/0. A
#   compromised workload can then download tooling, reach command-and-control servers and
#   exfiltrate data over any port. Low severity: it is the AWS default and often accepted, but
#   workloads that only call a few endpoints should say so.
# remediation: >-
#   Limit egress to what the workload needs, e.g. HTTPS only
#   (`from_port = 443`, `to_port = 443`, `protocol = "tcp"`), or to VPC endpoints, a proxy's
#   security group or the VPC's CIDR range.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_egress_rule
package rampart.aws.sg_egress_unrestricted

import data.rampart.aws.lib_iam

deny contains r if {
	some x in lib_iam.egress_rules
	lib_iam.all_ports(x)
	cidrs := lib_iam.public_cidrs(x)
	count(cidrs) > 0
	r := lib_iam.rule_result(x, sprintf("%s allows all outbound traffic to %s", [lib_iam.describe_rule(x), concat(", ", cidrs)]))
}
