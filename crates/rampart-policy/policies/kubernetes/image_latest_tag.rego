# METADATA
# id: k8s-image-latest-tag
# title: Container image uses latest or no tag
# severity: medium
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container image has no tag or the `latest` tag, and no digest. Which image runs then
#   depends on when each node pulled it: replicas can run different code, rollbacks do not roll
#   back, and a bad upstream push reaches production unreviewed. Medium: it undermines integrity
#   and change control of what runs in the cluster.
# remediation: >-
#   Reference an explicit version tag, ideally with its digest
#   (`image: registry.example.com/app:1.4.2@sha256:...`).
# references:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   - https://kubernetes.io/docs/concepts/configuration/overview/#container-images
# frameworks: [NSA-CISA-K8s, CIS-K8s-5.5.1]
package rampart.kubernetes.image_latest_tag

import data.rampart.kubernetes.lib

unpinned(img) if not lib.image_tag(img)

unpinned(img) if lib.image_tag(img) == "latest"

deny contains r if {
	some c in lib.containers
	img := lib.image_ref(c)
	not lib.has_digest(img)
	unpinned(img)
	r := lib.result(c, sprintf("%s uses image %q without a version tag", [lib.describe(c), img]))
}
