# METADATA
# id: k8s-image-not-pinned-by-digest
# title: Container image is not pinned by digest
# severity: low
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container image is referenced by tag only. Tags can be moved to different content by anyone
#   with push access to the repository, so the image that runs may not be the one that was
#   reviewed or scanned. Low: a version tag already gives reasonable stability; a digest makes
#   the reference immutable.
# remediation: >-
#   Append the digest (`image: app:1.4.2@sha256:<digest>`), e.g. resolved by your CD tooling or
#   an admission controller, and update it with a dependency bot.
# references:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
# frameworks: [NSA-CISA-K8s, SLSA]
package rampart.kubernetes.image_not_pinned_by_digest

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	img := lib.image_ref(c)
	not lib.has_digest(img)
	r := lib.result(c, sprintf("%s uses image %q without a digest", [lib.describe(c), img]))
}
