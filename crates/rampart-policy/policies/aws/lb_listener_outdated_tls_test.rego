package rampart.aws.lb_listener_outdated_tls

import data.rampart.aws.lib_iam as t

test_outdated_policies_are_denied if {
	a := t.tf_res("aws_lb_listener", "https", 1, {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08", "__spans__": {"ssl_policy": [4, 4]}})
	b := t.tf_res("aws_alb_listener", "tls", 20, {"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {4, 20}
	c := t.cfn_res("AWS::ElasticLoadBalancingV2::Listener", "Https", 5, {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-0-2021-06"})
	count(deny) == 1 with input as t.cfn([c])
}

test_modern_policies_are_allowed if {
	a := t.tf_res("aws_lb_listener", "https", 1, {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})
	b := t.tf_res("aws_lb_listener", "fs", 20, {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-FS-1-2-Res-2020-10"})
	c := t.tf_res("aws_lb_listener", "var", 40, {"protocol": "HTTPS", "ssl_policy": t.unknown("var.ssl_policy", [])})
	d := t.tf_res("aws_lb_listener", "http", 60, {"protocol": "HTTP"})
	count(deny) == 0 with input as t.tf([a, b, c, d])
}
