package rampart.kubernetes.service_loadbalancer

svc(spec, annotations) := {
	"kind": "Service",
	"metadata": {"name": "web", "annotations": object.union({"__line__": 4, "__end_line__": 5}, annotations), "__line__": 2, "__end_line__": 5},
	"spec": object.union({"type": "LoadBalancer", "__line__": 6, "__end_line__": 12}, spec),
}

test_unrestricted_load_balancer_is_denied if {
	r := deny with input as svc({}, {})
	count(r) == 1
	{x.line | some x in r} == {6}
	count(deny) == 1 with input as svc({"loadBalancerSourceRanges": []}, {})
	count(deny) == 1 with input as svc({"loadBalancerSourceRanges": ["10.0.0.0/8", "0.0.0.0/0"]}, {})
	count(deny) == 1 with input as svc({}, {"service.beta.kubernetes.io/load-balancer-source-ranges": "::/0"})
}

test_restricted_load_balancer_is_allowed if {
	count(deny) == 0 with input as svc({"loadBalancerSourceRanges": ["203.0.113.0/24"]}, {})
	count(deny) == 0 with input as svc({}, {"service.beta.kubernetes.io/load-balancer-source-ranges": "203.0.113.0/24, 198.51.100.0/24"})
}

test_other_service_types_are_allowed if {
	count(deny) == 0 with input as svc({"type": "ClusterIP"}, {})
	count(deny) == 0 with input as {"kind": "Service", "metadata": {"name": "web"}, "spec": {"ports": []}}
}
