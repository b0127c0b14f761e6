package rampart.aws.alb_drop_invalid_headers

import data.rampart.aws.lib_iam as t

test_albs_forwarding_invalid_headers_are_denied if {
	a := t.tf_res("aws_lb", "web", 1, {"name": "web", "load_balancer_type": "application"})
	b := t.tf_res("aws_alb", "api", 20, {"name": "api", "drop_invalid_header_fields": false, "__spans__": {"drop_invalid_header_fields": [24, 24]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 24}
}

test_cloudformation_albs_forwarding_invalid_headers_are_denied if {
	a := t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancer", 185, {"Type": "application", "Subnets": [t.cfn_ref("PublicSubnet")]})
	b := t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Internal", 220, {"LoadBalancerAttributes": [
		t.block(224, {"Key": "idle_timeout.timeout_seconds", "Value": "60"}),
		t.block(226, {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "false", "__spans__": {"Value": [227, 227]}}),
	]})
	r := deny with input as t.cfn([a, b])
	count(r) == 2
	{x.line | some x in r} == {185, 227}
}

test_albs_dropping_invalid_headers_are_allowed if {
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_lb", "web", 1, {"load_balancer_type": "application", "drop_invalid_header_fields": true}),
		t.tf_res("aws_lb", "nlb", 20, {"load_balancer_type": "network"}),
		t.tf_res("aws_lb", "gw", 40, {"load_balancer_type": t.unknown("var.lb_type", [])}),
		t.tf_res("aws_lb", "x", 60, {"drop_invalid_header_fields": t.unknown("var.drop", [])}),
	])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Web", 5, {"Type": "application", "LoadBalancerAttributes": [t.block(9, {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"})]}),
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Nlb", 20, {"Type": "network"}),
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Dyn", 40, {"LoadBalancerAttributes": t.unknown("Fn::If Prod", [])}),
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Param", 60, {"LoadBalancerAttributes": [t.block(64, {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": t.unknown("Ref DropInvalid", [])})]}),
	])
}
