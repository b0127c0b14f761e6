package rampart.aws.default_sg_allows_traffic

import data.rampart.aws.lib_iam as t

test_default_group_with_rules_is_denied if {
	d := t.tf_res("aws_default_security_group", "default", 10, {"vpc_id": t.tf_ref("aws_vpc.main"), "ingress": [t.block(12, {"protocol": -1, "self": true, "from_port": 0, "to_port": 0})], "egress": [t.block(17, {"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})]})
	r := deny with input as t.tf([d])
	count(r) == 1
	[x.line | some x in r] == [10]
	some x in r
	contains(x.msg, "ingress and egress")
}

test_empty_default_group_is_allowed if {
	d := t.tf_res("aws_default_security_group", "default", 10, {"vpc_id": t.tf_ref("aws_vpc.main")})
	sg := t.tf_res("aws_security_group", "app", 20, {"ingress": [t.block(22, {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]})]})
	count(deny) == 0 with input as t.tf([d, sg])
}
