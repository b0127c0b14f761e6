# METADATA
# id: aws-sg-ingress-public-rdp
# title: Security group allows RDP from the internet
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", aws_default_security_group, aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
# description: >-
#   A security group ingress rule opens port 3389 (Remote Desktop, TCP or UDP) to 0.0.0.0/0 or
#   ::/0. Internet-facing RDP is one of the most scanned and brute-forced services and a common
#   ransomware entry point. Checked on inline `ingress` blocks of `aws_security_group` and
#   `aws_default_security_group`, `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`
#   and CloudFormation `AWS::EC2::SecurityGroup` / `AWS::EC2::SecurityGroupIngress`; a port range
#   that includes 3389 counts. Rules that open every port are reported by
#   aws-sg-ingress-public-all-ports instead.
# remediation: >-
#   Restrict the source to known administration ranges (`cidr_blocks = ["203.0.113.0/24"]`) or a
#   bastion's security group, or remove the rule and use Systems Manager Fleet Manager / Session
#   Manager port forwarding for remote desktop access.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group
# frameworks: [CIS-AWS-5.2]
package rampart.aws.sg_ingress_public_rdp

import data.rampart.aws.lib_iam

deny contains r if {
	some x in lib_iam.ingress_rules
	lib_iam.opens_port(x, 3389, true)
	cidrs := lib_iam.public_cidrs(x)
	count(cidrs) > 0
	r := lib_iam.rule_result(x, sprintf("%s allows RDP (port 3389) from %s", [lib_iam.describe_rule(x), concat(", ", cidrs)]))
}
