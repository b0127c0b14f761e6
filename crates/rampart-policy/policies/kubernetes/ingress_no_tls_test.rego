package rampart.kubernetes.ingress_no_tls

ingress(spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "__line__": 1, "__end_line__": 30,
	"metadata": {"name": "shop", "namespace": "shop", "__line__": 3, "__end_line__": 5},
	"spec": object.union({"__line__": 6, "__end_line__": 30, "ingressClassName": "nginx", "rules": [{"host": "shop.example.com", "__line__": 9, "__end_line__": 20}]}, spec),
}

test_ingress_without_tls_is_denied if {
	r := deny with input as ingress({})
	count(r) == 1
	some x in r
	x.line == 6
	x.msg == "Ingress \"shop\" has no tls section and serves its hosts over plain HTTP"
	count(deny) == 1 with input as ingress({"tls": []})
}

test_ingress_with_tls_is_allowed if {
	count(deny) == 0 with input as ingress({"tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls", "__line__": 7, "__end_line__": 9}]})
	count(deny) == 0 with input as {"kind": "Service", "metadata": {"name": "x"}, "spec": {"ports": []}}
}
