package rampart.aws.sg_ingress_public_admin_port

import data.rampart.aws.lib_iam as t

test_database_ports_open_to_world_are_denied if {
	sg := t.tf_res("aws_security_group", "db", 1, {"ingress": [
		t.block(3, {"from_port": 5432, "to_port": 5432, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
		t.block(8, {"from_port": 3000, "to_port": 7000, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
	]})
	v2 := t.tf_res("aws_vpc_security_group_ingress_rule", "redis", 40, {"ip_protocol": "tcp", "from_port": 6379, "to_port": 6379, "cidr_ipv6": "::/0"})
	r := deny with input as t.tf([sg, v2])
	count(r) == 3
	{x.line | some x in r} == {3, 8, 40}
	some x in r
	x.line == 8
	contains(x.msg, "MySQL 3306")
	contains(x.msg, "Redis 6379")
}

test_cloudformation_mongodb_is_denied if {
	sg := t.cfn_res("AWS::EC2::SecurityGroup", "Mongo", 5, {"SecurityGroupIngress": [t.block(9, {"IpProtocol": "tcp", "FromPort": 27017, "ToPort": 27017, "CidrIp": "0.0.0.0/0"})]})
	r := deny with input as t.cfn([sg])
	count(r) == 1
	[x.line | some x in r] == [9]
}

test_web_ports_and_private_databases_are_allowed if {
	sg := t.tf_res("aws_security_group", "web", 1, {"ingress": [
		t.block(3, {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
		t.block(8, {"from_port": 5432, "to_port": 5432, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/16"]}),
		t.block(12, {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
		t.block(16, {"from_port": 0, "to_port": 65535, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
	]})
	count(deny) == 0 with input as t.tf([sg])
}
