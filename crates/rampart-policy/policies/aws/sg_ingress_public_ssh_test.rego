package rampart.aws.sg_ingress_public_ssh

import data.rampart.aws.lib_iam as t

test_ssh_open_to_world_is_denied if {
	sg := t.tf_res("aws_security_group", "bastion", 1, {"ingress": [
		t.block(3, {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
		t.block(8, {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
	]})
	rule := t.tf_res("aws_security_group_rule", "ssh_v6", 20, {"type": "ingress", "from_port": 20, "to_port": 25, "protocol": "6", "ipv6_cidr_blocks": ["::/0"]})
	v2 := t.tf_res("aws_vpc_security_group_ingress_rule", "ssh", 40, {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"})
	r := deny with input as t.tf([sg, rule, v2])
	count(r) == 3
	{x.line | some x in r} == {3, 20, 40}
}

test_cloudformation_ssh_open_to_world_is_denied if {
	sg := t.cfn_res("AWS::EC2::SecurityGroup", "BastionSG", 5, {"SecurityGroupIngress": [
		t.block(9, {"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22", "CidrIp": "0.0.0.0/0"}),
		t.block(13, {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"}),
	]})
	ing := t.cfn_res("AWS::EC2::SecurityGroupIngress", "SshV6", 30, {"GroupId": t.cfn_ref("BastionSG"), "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIpv6": "::/0"})
	r := deny with input as t.cfn([sg, ing])
	count(r) == 2
	{x.line | some x in r} == {9, 30}
}

test_restricted_or_unknown_sources_are_allowed if {
	sg := t.tf_res("aws_security_group", "bastion", 1, {"ingress": [
		t.block(3, {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["203.0.113.0/24"]}),
		t.block(8, {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": t.unknown("var.admin_cidrs", [])}),
		t.block(12, {"from_port": 22, "to_port": 22, "protocol": "tcp", "security_groups": [t.tf_ref("aws_security_group.vpn")]}),
		t.block(16, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}),
		t.block(20, {"from_port": 22, "to_port": 22, "protocol": "udp", "cidr_blocks": ["0.0.0.0/0"]}),
	]})
	egress := t.tf_res("aws_security_group_rule", "out", 30, {"type": "egress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	count(deny) == 0 with input as t.tf([sg, egress])
}
