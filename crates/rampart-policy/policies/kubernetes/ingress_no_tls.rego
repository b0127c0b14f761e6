# METADATA
# id: k8s-ingress-no-tls
# title: Ingress serves plain HTTP (no TLS)
# severity: low
# kinds: [kubernetes]
# resource_types: [Ingress]
# description: >-
#   An Ingress has no `spec.tls` section, so the ingress controller serves its hosts over plain
#   HTTP only, unless TLS is terminated in front of it in a way this check cannot see (a cloud
#   load balancer, an annotation of a specific controller). Credentials, session cookies and data
#   then cross the network unencrypted and can be read or modified in transit.
# remediation: >-
#   Add a `tls` section naming the hosts and a Secret with their certificate (cert-manager can
#   issue it): `tls: [{hosts: [shop.example.com], secretName: shop-example-com-tls}]`, and redirect
#   HTTP to HTTPS.
# references:
#   - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
package rampart.kubernetes.ingress_no_tls

import data.rampart.kubernetes.lib
import data.rampart.kubernetes.lib_rbac as rbac

deny contains r if {
	input.kind == "Ingress"
	spec := lib.obj(input, "spec")
	count(lib.arr(spec, "tls")) == 0
	r := lib.result(object.get(input, "spec", input), sprintf("%s has no tls section and serves its hosts over plain HTTP", [rbac.describe]))
}
