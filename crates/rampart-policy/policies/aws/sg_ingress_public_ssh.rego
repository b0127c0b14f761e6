# METADATA
# id: aws-sg-ingress-public-ssh
# title: Security group allows SSH from the internet
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", aws_default_security_group, aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
# description: >-
#   A security group ingress rule opens TCP port 22 (SSH) to 0.0.0.0/0 or ::/0, so every host on
#   the internet can reach the instances' SSH daemons and try stolen keys, brute-force passwords
#   or exploit the daemon itself. Checked on inline `ingress` blocks of `aws_security_group` and
#   `aws_default_security_group`, `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`
#   and CloudFormation `AWS::EC2::SecurityGroup` / `AWS::EC2::SecurityGroupIngress`; a port range
#   that includes 22 counts. Rules that open every port are reported by
#   aws-sg-ingress-public-all-ports instead.
# remediation: >-
#   Allow SSH only from known administration ranges (`cidr_blocks = ["203.0.113.0/24"]`) or from
#   a bastion's security group (`source_security_group_id`), or drop the rule and reach instances
#   through AWS Systems Manager Session Manager, which needs no inbound port.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group
# frameworks: [CIS-AWS-5.2]
package rampart.aws.sg_ingress_public_ssh

import data.rampart.aws.lib_iam

deny contains r if {
	some x in lib_iam.ingress_rules
	lib_iam.opens_port(x, 22, false)
	cidrs := lib_iam.public_cidrs(x)
	count(cidrs) > 0
	r := lib_iam.rule_result(x, sprintf("%s allows SSH (port 22) from %s", [lib_iam.describe_rule(x), concat(", ", cidrs)]))
}
