package rampart.aws.lb_listener_plain_http

import data.rampart.aws.lib_iam as t

test_http_forwarding_listeners_are_denied if {
	l := t.tf_res("aws_lb_listener", "http", 1, {"port": 80, "protocol": "HTTP", "default_action": [t.block(5, {"type": "forward", "target_group_arn": t.tf_ref("aws_lb_target_group.app")})], "__spans__": {"protocol": [3, 3]}})
	e := t.tf_res("aws_elb", "legacy", 20, {"listener": [
		t.block(22, {"lb_port": 80, "lb_protocol": "http", "instance_port": 8080, "instance_protocol": "http"}),
		t.block(27, {"lb_port": 443, "lb_protocol": "https", "instance_port": 8080, "instance_protocol": "http"}),
	]})
	r := deny with input as t.tf([l, e])
	count(r) == 2
	{x.line | some x in r} == {3, 22}
}

test_cloudformation_http_listener_is_denied if {
	l := t.cfn_res("AWS::ElasticLoadBalancingV2::Listener", "Http", 5, {"Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "forward", "TargetGroupArn": t.cfn_ref("Tg")}]})
	r := deny with input as t.cfn([l])
	count(r) == 1
}

test_redirecting_and_https_listeners_are_allowed if {
	l := t.tf_res("aws_lb_listener", "http", 1, {"port": 80, "protocol": "HTTP", "default_action": [t.block(5, {"type": "redirect", "redirect": [t.block(7, {"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"})]})]})
	s := t.tf_res("aws_lb_listener", "https", 20, {"port": 443, "protocol": "HTTPS", "default_action": [t.block(25, {"type": "forward"})]})
	count(deny) == 0 with input as t.tf([l, s])
	c := t.cfn_res("AWS::ElasticLoadBalancingV2::Listener", "Http", 5, {"Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]})
	count(deny) == 0 with input as t.cfn([c])
}
