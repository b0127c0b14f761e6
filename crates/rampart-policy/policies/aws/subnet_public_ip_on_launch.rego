# METADATA
# id: aws-subnet-public-ip-on-launch
# title: Subnet assigns public IP addresses to everything launched in it
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::Subnet", aws_default_subnet, aws_subnet]
# description: >-
#   An aws_subnet (or adopted aws_default_subnet) sets map_public_ip_on_launch = true, or an
#   AWS::EC2::Subnet sets MapPublicIpOnLaunch: true. Every network interface created in the
#   subnet (instances of Auto Scaling groups, ECS tasks, EKS nodes, one-off instances) then gets
#   a public IPv4 address and is reachable from the internet unless its security groups say
#   otherwise, whether or not the workload was meant to be public.
# remediation: >-
#   Turn the automatic assignment off (`map_public_ip_on_launch = false`, or omit it;
#   CloudFormation `MapPublicIpOnLaunch: false`), keep workloads in private subnets behind a NAT
#   gateway and load balancer, and request a public address explicitly for the few hosts that
#   need one.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet#map_public_ip_on_launch
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html
package rampart.aws.subnet_public_ip_on_launch

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in {"aws_subnet", "aws_default_subnet"}
	some s in lib.managed(t)
	v := lib.values(s)
	lib.is_true(v.map_public_ip_on_launch)
	r := lib.attr_result(s, v, "map_public_ip_on_launch", sprintf("%s assigns a public IP address to every instance launched in it (map_public_ip_on_launch = true)", [lib.describe(s)]))
}

deny contains r if {
	lib.is_cloudformation
	some s in lib.managed("AWS::EC2::Subnet")
	v := lib.values(s)
	lib.is_true(v.MapPublicIpOnLaunch)
	r := lib.attr_result(s, v, "MapPublicIpOnLaunch", sprintf("%s assigns a public IP address to every instance launched in it (MapPublicIpOnLaunch: true)", [lib.describe(s)]))
}
