# METADATA
# id: k8s-service-loadbalancer
# title: LoadBalancer Service open to any source address
# severity: medium
# kinds: [kubernetes]
# resource_types: [Service]
# description: >-
#   A Service of type LoadBalancer sets no loadBalancerSourceRanges (nor the equivalent
#   service.beta.kubernetes.io/load-balancer-source-ranges annotation), or lists 0.0.0.0/0 or
#   ::/0 among them. Cloud providers then usually give it an external address that accepts
#   connections from the whole internet, exposing the workload to scanning and attacks whether or
#   not that was intended. Medium: external exposure is sometimes the point, but it should be a
#   deliberate, narrowed decision. Internal load balancers selected by provider annotations are
#   still reported, as the annotation names differ between providers.
# remediation: >-
#   Set `spec.loadBalancerSourceRanges` to the CIDR ranges that need access, or expose the service
#   through an Ingress or Gateway that enforces authentication and TLS, keeping the Service as
#   ClusterIP.
# references:
#   - https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
#   - https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/
# frameworks: [NSA-CISA-K8s]
package rampart.kubernetes.service_loadbalancer

import data.rampart.kubernetes.lib

open_ranges := {"0.0.0.0/0", "::/0"}

metadata := lib.obj(input, "metadata")

service_name := object.get(metadata, "name", "?")

annotation_ranges := [trim_space(s) | some s in split(v, ","); trim_space(s) != ""] if {
	v := lib.obj(metadata, "annotations")["service.beta.kubernetes.io/load-balancer-source-ranges"]
	is_string(v)
}

annotation_ranges := [] if {
	not is_string(lib.obj(metadata, "annotations")["service.beta.kubernetes.io/load-balancer-source-ranges"])
}

# The spec field wins over the annotation when both are set.
source_ranges := lib.arr(input.spec, "loadBalancerSourceRanges") if count(lib.arr(input.spec, "loadBalancerSourceRanges")) > 0

source_ranges := annotation_ranges if count(lib.arr(input.spec, "loadBalancerSourceRanges")) == 0

is_load_balancer if {
	input.kind == "Service"
	is_object(input.spec)
	input.spec.type == "LoadBalancer"
}

deny contains r if {
	is_load_balancer
	count(source_ranges) == 0
	r := lib.result(input.spec, sprintf("Service %q is of type LoadBalancer with no loadBalancerSourceRanges and accepts traffic from any address", [service_name]))
}

deny contains r if {
	is_load_balancer
	some range in source_ranges
	range in open_ranges
	r := lib.result(input.spec, sprintf("Service %q is of type LoadBalancer and its source ranges include %s, which allows any address", [service_name, range]))
}
