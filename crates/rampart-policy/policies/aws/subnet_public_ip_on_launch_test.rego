package rampart.aws.subnet_public_ip_on_launch

import data.rampart.aws.lib_iam as t

test_public_ip_on_launch_is_denied if {
	a := t.tf_res("aws_subnet", "public[0]", 11, {"vpc_id": t.tf_ref("aws_vpc.main"), "map_public_ip_on_launch": true, "__spans__": {"map_public_ip_on_launch": [16, 16]}})
	b := t.tf_res("aws_default_subnet", "az_a", 30, {"availability_zone": "eu-west-1a", "map_public_ip_on_launch": "true"})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {16, 30}
}

test_cloudformation_public_ip_on_launch_is_denied if {
	s := t.cfn_res("AWS::EC2::Subnet", "PublicSubnet", 30, {"VpcId": t.cfn_ref("Vpc"), "MapPublicIpOnLaunch": "true", "__spans__": {"MapPublicIpOnLaunch": [36, 36]}})
	p := t.cfn_res("AWS::EC2::Subnet", "PrivateSubnet", 40, {"VpcId": t.cfn_ref("Vpc")})
	r := deny with input as t.cfn([s, p])
	count(r) == 1
	{x.line | some x in r} == {36}
}

test_private_subnets_are_allowed if {
	a := t.tf_res("aws_subnet", "private", 1, {"vpc_id": t.tf_ref("aws_vpc.main"), "cidr_block": "10.0.10.0/24"})
	b := t.tf_res("aws_subnet", "b", 20, {"map_public_ip_on_launch": false})
	c := t.tf_res("aws_subnet", "c", 40, {"map_public_ip_on_launch": t.unknown("var.public", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::EC2::Subnet", "A", 5, {"MapPublicIpOnLaunch": false}),
		t.cfn_res("AWS::EC2::Subnet", "B", 20, {"MapPublicIpOnLaunch": t.unknown("Fn::If IsPublic", [])}),
	])
}
