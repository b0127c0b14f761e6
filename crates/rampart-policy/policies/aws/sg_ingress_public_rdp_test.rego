package rampart.aws.sg_ingress_public_rdp

import data.rampart.aws.lib_iam as t

test_rdp_open_to_world_is_denied if {
	sg := t.tf_res("aws_security_group", "win", 1, {"ingress": [
		t.block(3, {"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}),
		t.block(8, {"from_port": 3389, "to_port": 3389, "protocol": "udp", "ipv6_cidr_blocks": ["::/0"]}),
	]})
	r := deny with input as t.tf([sg])
	count(r) == 2
	{x.line | some x in r} == {3, 8}
}

test_cloudformation_rdp_range_is_denied if {
	ing := t.cfn_res("AWS::EC2::SecurityGroupIngress", "Rdp", 30, {"IpProtocol": "tcp", "FromPort": 3000, "ToPort": 4000, "CidrIp": "0.0.0.0/0"})
	r := deny with input as t.cfn([ing])
	count(r) == 1
}

test_rdp_from_office_is_allowed if {
	sg := t.tf_res("aws_security_group", "win", 1, {"ingress": [t.block(3, {"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["198.51.100.10/32"]})]})
	v2 := t.tf_res("aws_vpc_security_group_ingress_rule", "all", 40, {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	count(deny) == 0 with input as t.tf([sg, v2])
}
