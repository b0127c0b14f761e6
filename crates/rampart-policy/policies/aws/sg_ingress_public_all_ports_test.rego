package rampart.aws.sg_ingress_public_all_ports

import data.rampart.aws.lib_iam as t

test_all_traffic_from_world_is_denied if {
	sg := t.tf_res("aws_security_group", "open", 1, {"ingress": [t.block(3, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]})]})
	rule := t.tf_res("aws_security_group_rule", "tcp_all", 20, {"type": "ingress", "from_port": 0, "to_port": 65535, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	v2 := t.tf_res("aws_vpc_security_group_ingress_rule", "all", 40, {"ip_protocol": "-1", "cidr_ipv6": "::/0"})
	dflt := t.tf_res("aws_default_security_group", "default", 60, {"ingress": [t.block(62, {"from_port": 0, "to_port": 0, "protocol": "all", "cidr_blocks": ["0.0.0.0/0"]})]})
	r := deny with input as t.tf([sg, rule, v2, dflt])
	count(r) == 4
	{x.line | some x in r} == {3, 20, 40, 62}
}

test_cloudformation_all_traffic_is_denied if {
	sg := t.cfn_res("AWS::EC2::SecurityGroup", "Open", 5, {"SecurityGroupIngress": [t.block(9, {"IpProtocol": -1, "CidrIp": "0.0.0.0/0"})]})
	ing := t.cfn_res("AWS::EC2::SecurityGroupIngress", "OpenV6", 30, {"IpProtocol": "-1", "CidrIpv6": "::/0"})
	r := deny with input as t.cfn([sg, ing])
	count(r) == 2
}

test_self_and_private_traffic_is_allowed if {
	sg := t.tf_res("aws_security_group", "cluster", 1, {"ingress": [
		t.block(3, {"from_port": 0, "to_port": 0, "protocol": "-1", "self": true}),
		t.block(8, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]}),
		t.block(12, {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
	], "egress": [t.block(16, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]})]})
	count(deny) == 0 with input as t.tf([sg])
}
