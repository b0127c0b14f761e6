# METADATA
# id: aws-default-sg-allows-traffic
# title: Default security group of a VPC allows traffic
# severity: medium
# kinds: [terraform]
# resource_types: [aws_default_security_group]
# description: >-
#   An `aws_default_security_group` declares ingress or egress rules. The default security group
#   is attached to every network interface that is launched without an explicit group, so rules
#   on it silently open traffic for resources nobody reviewed; by default it also lets all members
#   talk to each other. The default group should carry no rules at all.
# remediation: >-
#   Adopt the default security group with no `ingress` or `egress` blocks, which removes all of
#   its rules (`resource "aws_default_security_group" "default" { vpc_id = aws_vpc.main.id }`),
#   and attach purpose-made security groups to every resource.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
package rampart.aws.default_sg_allows_traffic

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some g in lib.managed("aws_default_security_group")
	v := lib.values(g)
	kinds := [k | some k in ["ingress", "egress"]; count(lib.blocks(v, k)) > 0]
	count(kinds) > 0
	r := lib.result(g, sprintf("%s keeps %s rules on the VPC's default security group", [lib.describe(g), concat(" and ", kinds)]))
}
