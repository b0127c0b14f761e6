# METADATA
# id: aws-sg-ingress-public-all-ports
# title: Security group allows all traffic from the internet
# severity: critical
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", aws_default_security_group, aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
# description: >-
#   A security group ingress rule allows every protocol (`-1` / `all`) or the whole TCP or UDP
#   port range (0-65535) from 0.0.0.0/0 or ::/0. Every service listening on the attached
#   instances, load balancers or databases, including ones started later or by accident, is then
#   reachable from the whole internet, and the security group no longer acts as a firewall.
# remediation: >-
#   Replace the rule with rules for the ports the workload serves, from the sources that need
#   them, e.g. `from_port = 443`, `to_port = 443`, `protocol = "tcp"`, and reference other
#   security groups instead of CIDR ranges for internal traffic.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-best-practices.html
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html
# frameworks: [CIS-AWS-5.2]
package rampart.aws.sg_ingress_public_all_ports

import data.rampart.aws.lib_iam

deny contains r if {
	some x in lib_iam.ingress_rules
	lib_iam.all_ports(x)
	cidrs := lib_iam.public_cidrs(x)
	count(cidrs) > 0
	r := lib_iam.rule_result(x, sprintf("%s allows all ports and protocols from %s", [lib_iam.describe_rule(x), concat(", ", cidrs)]))
}
