# METADATA
# id: k8s-image-registry-implicit
# title: Container image does not name its registry
# severity: info
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container's image reference has no registry host (`nginx:1.27`, `bitnami/redis:7.2`), so
#   the container runtime pulls it from Docker Hub, or from whatever registry mirror the nodes are
#   configured with. Where the image comes from is then implicit and easy to confuse with an
#   internal image of the same name, registry allow-list admission policies cannot match it, and
#   pulls are subject to Docker Hub's rate limits. Informational.
# remediation: >-
#   Name the registry explicitly, preferably one your organisation controls or mirrors:
#   `image: registry.example.com/mirror/nginx:1.27.2` or `image: docker.io/library/nginx:1.27.2`.
# references:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   - https://kubernetes.io/docs/concepts/security/supply-chain-security/
package rampart.kubernetes.image_registry_implicit

import data.rampart.kubernetes.lib

# The first path component is a registry host when it has a dot or a port, or is localhost.
has_registry(img) if {
	parts := split(img, "/")
	count(parts) > 1
	host := parts[0]
	regex.match(`[.:]`, host)
}

has_registry(img) if startswith(img, "localhost/")

deny contains r if {
	some c in lib.containers
	img := lib.image_ref(c)
	not contains(img, "$")
	not has_registry(img)
	r := lib.result(c, sprintf("%s uses image %q without a registry host, so it is pulled from Docker Hub implicitly", [lib.describe(c), img]))
}
