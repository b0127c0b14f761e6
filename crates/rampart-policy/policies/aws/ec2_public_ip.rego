# METADATA
# id: aws-ec2-public-ip
# title: EC2 instance gets a public IP address
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", aws_instance, aws_launch_configuration, aws_launch_template]
# description: >-
#   The instance, launch template or launch configuration asks for a public IPv4 address
#   (`associate_public_ip_address = true`). The instance is then directly addressable from the
#   internet, and only its security groups stand between it and every scanner. Low severity:
#   intended for some edge hosts, but most workloads belong in private subnets behind a load
#   balancer or NAT gateway.
# remediation: >-
#   Set `associate_public_ip_address = false` and place the instance in a private subnet; publish
#   services through a load balancer and reach the instance with Session Manager.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#associate_public_ip_address
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-instance-networkinterface.html
package rampart.aws.ec2_public_ip

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in {"aws_instance", "aws_launch_configuration"}
	some i in lib.managed(t)
	v := lib.values(i)
	lib.is_true(v.associate_public_ip_address)
	r := lib.attr_result(i, v, "associate_public_ip_address", sprintf("%s is given a public IP address (associate_public_ip_address = true)", [lib.describe(i)]))
}

deny contains r if {
	lib.is_terraform
	some i in lib.managed("aws_launch_template")
	some n in lib.blocks(lib.values(i), "network_interfaces")
	lib.is_true(n.associate_public_ip_address)
	r := lib.attr_result(i, n, "associate_public_ip_address", sprintf("%s gives instances a public IP address (network_interfaces.associate_public_ip_address = true)", [lib.describe(i)]))
}

deny contains r if {
	lib.is_cloudformation
	some i in lib.managed("AWS::EC2::Instance")
	some n in cfn_list(lib.values(i), "NetworkInterfaces")
	lib.is_true(n.AssociatePublicIpAddress)
	r := lib_iam.block_result(i, n, sprintf("%s is given a public IP address (AssociatePublicIpAddress: true)", [lib.describe(i)]))
}

deny contains r if {
	lib.is_cloudformation
	some i in lib.managed("AWS::EC2::LaunchTemplate")
	d := lib.values(i).LaunchTemplateData
	is_object(d)
	some n in cfn_list(d, "NetworkInterfaces")
	lib.is_true(n.AssociatePublicIpAddress)
	r := lib_iam.block_result(i, n, sprintf("%s gives instances a public IP address (AssociatePublicIpAddress: true)", [lib.describe(i)]))
}

deny contains r if {
	lib.is_cloudformation
	some i in lib.managed("AWS::AutoScaling::LaunchConfiguration")
	v := lib.values(i)
	lib.is_true(v.AssociatePublicIpAddress)
	r := lib.result(i, sprintf("%s gives instances a public IP address (AssociatePublicIpAddress: true)", [lib.describe(i)]))
}

cfn_list(o, key) := [x | some x in o[key]; is_object(x); not lib.is_unknown(x)] if is_array(o[key]) else := []
