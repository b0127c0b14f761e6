package rampart.aws.lb_access_logs_disabled

import data.rampart.aws.lib_data as t

test_load_balancers_without_access_logs_are_denied if {
	a := t.tf_res("aws_lb", "web", 1, {"name": "web", "load_balancer_type": "application"})
	b := t.tf_res("aws_alb", "api", 20, {"name": "api", "access_logs": [t.block(25, {"bucket": "lb-logs", "enabled": false, "__spans__": {"enabled": [27, 27]}})]})
	c := t.tf_res("aws_lb", "nlb", 40, {"load_balancer_type": "network", "access_logs": [t.block(45, {"bucket": "lb-logs"})]})
	r := deny with input as t.tf([a, b, c])
	count(r) == 3
	{x.line | some x in r} == {1, 27, 40}
}

test_cloudformation_load_balancers_without_access_logs_are_denied if {
	a := t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancer", 185, {"Type": "application", "Subnets": [t.cfn_ref("PublicSubnet")]})
	b := t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Internal", 220, {"LoadBalancerAttributes": [
		t.block(224, {"Key": "idle_timeout.timeout_seconds", "Value": "60"}),
		t.block(226, {"Key": "access_logs.s3.enabled", "Value": false, "__spans__": {"Value": [227, 227]}}),
	]})
	r := deny with input as t.cfn([a, b])
	count(r) == 2
	{x.line | some x in r} == {185, 227}
}

test_load_balancers_with_access_logs_are_allowed if {
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_lb", "web", 1, {"load_balancer_type": "application", "access_logs": [t.block(5, {"bucket": "lb-logs", "enabled": true})]}),
		t.tf_res("aws_lb", "gwlb", 20, {"load_balancer_type": "gateway"}),
		t.tf_res("aws_lb", "dyn", 40, {"load_balancer_type": t.unknown("var.lb_type", [])}),
		t.tf_res("aws_lb", "flag", 60, {"access_logs": [t.block(65, {"bucket": "lb-logs", "enabled": t.unknown("var.lb_logs", [])})]}),
		t.tf_res("aws_lb", "dynblock", 80, {"access_logs": t.unknown("dynamic access_logs", [])}),
	])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Web", 5, {"Type": "application", "LoadBalancerAttributes": [t.block(9, {"Key": "access_logs.s3.enabled", "Value": "true"}), t.block(11, {"Key": "access_logs.s3.bucket", "Value": t.cfn_ref("LogBucket")})]}),
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Gw", 20, {"Type": "gateway"}),
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Dyn", 40, {"LoadBalancerAttributes": t.unknown("Fn::If Prod", [])}),
		t.cfn_res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Param", 60, {"LoadBalancerAttributes": [t.block(64, {"Key": "access_logs.s3.enabled", "Value": t.unknown("Ref EnableLogs", [])})]}),
	])
}
