package rampart.aws.vpc_flow_logs_disabled

import data.rampart.aws.lib_iam as t

test_vpcs_without_flow_logs_are_denied if {
	a := t.tf_res("aws_vpc", "main", 1, {"cidr_block": "10.0.0.0/16"})
	b := t.tf_res("aws_vpc", "edge", 20, {"cidr_block": "10.1.0.0/16"})
	f := t.tf_res("aws_flow_log", "edge", 40, {"vpc_id": t.tf_ref("aws_vpc.edge"), "traffic_type": "ALL"})
	s := t.tf_res("aws_flow_log", "subnet", 60, {"subnet_id": t.tf_ref("aws_subnet.a"), "traffic_type": "ALL"})
	r := deny with input as t.tf([a, b, f, s])
	count(r) == 1
	[x.line | some x in r] == [1]
}

test_cloudformation_vpc_without_flow_log_is_denied if {
	vpc := t.cfn_res("AWS::EC2::VPC", "Vpc", 5, {"CidrBlock": "10.0.0.0/16"})
	sub := t.cfn_res("AWS::EC2::Subnet", "Subnet", 20, {"VpcId": t.cfn_ref("Vpc")})
	f := t.cfn_res("AWS::EC2::FlowLog", "SubnetLog", 40, {"ResourceId": t.cfn_ref("Subnet"), "ResourceType": "Subnet"})
	r := deny with input as t.cfn([vpc, sub, f])
	count(r) == 1
	[x.line | some x in r] == [5]
}

test_logged_or_unclear_vpcs_are_allowed if {
	a := t.tf_res("aws_vpc", "main", 1, {"cidr_block": "10.0.0.0/16"})
	f := t.tf_res("aws_flow_log", "main", 40, {"vpc_id": t.tf_ref("aws_vpc.main")})
	count(deny) == 0 with input as t.tf([a, f])
	g := t.tf_res("aws_flow_log", "other", 40, {"vpc_id": t.unknown("var.vpc_id", [])})
	count(deny) == 0 with input as t.tf([a, g])
	vpc := t.cfn_res("AWS::EC2::VPC", "Vpc", 5, {"CidrBlock": "10.0.0.0/16"})
	cf := t.cfn_res("AWS::EC2::FlowLog", "VpcLog", 40, {"ResourceId": t.cfn_ref("Vpc"), "ResourceType": "VPC"})
	count(deny) == 0 with input as t.cfn([vpc, cf])
}
