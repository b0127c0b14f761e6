# METADATA
# id: k8s-service-nodeport
# title: Service of type NodePort
# severity: medium
# kinds: [kubernetes]
# resource_types: [Service]
# description: >-
#   A Service of type NodePort opens its port on every node's address. The service becomes
#   reachable by anything that can reach any node, bypassing ingress controllers and their TLS
#   and authentication, and node firewalls must then be managed per port. Medium: it exposes the
#   workload more widely than intended, a common source of accidental internet exposure.
# remediation: >-
#   Use a ClusterIP Service behind an Ingress or Gateway (or a LoadBalancer with restricted
#   loadBalancerSourceRanges) for external access.
# references:
#   - https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
# frameworks: [NSA-CISA-K8s]
package rampart.kubernetes.service_nodeport

import data.rampart.kubernetes.lib

deny contains r if {
	input.kind == "Service"
	input.spec.type == "NodePort"
	r := lib.result(input.spec, sprintf("Service %q is of type NodePort and is exposed on every node", [object.get(object.get(input, "metadata", {}), "name", "?")]))
}
