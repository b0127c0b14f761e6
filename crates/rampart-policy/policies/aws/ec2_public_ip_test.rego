package rampart.aws.ec2_public_ip

import data.rampart.aws.lib_iam as t

test_public_ips_are_denied if {
	a := t.tf_res("aws_instance", "bastion", 1, {"associate_public_ip_address": true, "__spans__": {"associate_public_ip_address": [4, 4]}})
	lt := t.tf_res("aws_launch_template", "web", 20, {"network_interfaces": [t.block(22, {"associate_public_ip_address": "true"})]})
	r := deny with input as t.tf([a, lt])
	count(r) == 2
	{x.line | some x in r} == {4, 22}
}

test_cloudformation_public_ips_are_denied if {
	i := t.cfn_res("AWS::EC2::Instance", "Bastion", 5, {"NetworkInterfaces": [t.block(9, {"DeviceIndex": "0", "AssociatePublicIpAddress": "true"})]})
	lc := t.cfn_res("AWS::AutoScaling::LaunchConfiguration", "Web", 30, {"AssociatePublicIpAddress": true})
	r := deny with input as t.cfn([i, lc])
	count(r) == 2
	{x.line | some x in r} == {9, 30}
}

test_private_instances_are_allowed if {
	a := t.tf_res("aws_instance", "app", 1, {"associate_public_ip_address": false})
	b := t.tf_res("aws_instance", "app2", 20, {"subnet_id": t.tf_ref("aws_subnet.private")})
	c := t.tf_res("aws_instance", "app3", 40, {"associate_public_ip_address": t.unknown("var.public", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::EC2::Instance", "App", 5, {"SubnetId": t.cfn_ref("Private")})])
}
