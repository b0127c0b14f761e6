package rampart.aws.sg_egress_unrestricted

import data.rampart.aws.lib_iam as t

test_all_egress_to_world_is_denied if {
	sg := t.tf_res("aws_security_group", "app", 1, {"egress": [t.block(3, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]})]})
	v2 := t.tf_res("aws_vpc_security_group_egress_rule", "all", 40, {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	r := deny with input as t.tf([sg, v2])
	count(r) == 2
	{x.line | some x in r} == {3, 40}
}

test_cloudformation_all_egress_is_denied if {
	sg := t.cfn_res("AWS::EC2::SecurityGroup", "App", 5, {"SecurityGroupEgress": [t.block(9, {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"})]})
	eg := t.cfn_res("AWS::EC2::SecurityGroupEgress", "Https", 30, {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"})
	r := deny with input as t.cfn([sg, eg])
	count(r) == 1
	[x.line | some x in r] == [9]
}

test_https_only_egress_is_allowed if {
	sg := t.tf_res("aws_security_group", "app", 1, {"egress": [
		t.block(3, {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
		t.block(8, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["10.0.0.0/16"]}),
	]})
	count(deny) == 0 with input as t.tf([sg])
}
