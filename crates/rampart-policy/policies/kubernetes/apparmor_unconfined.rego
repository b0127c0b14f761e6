# METADATA
# id: k8s-apparmor-unconfined
# title: Container runs without AppArmor confinement
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod template turns AppArmor off for a container, either with the annotation
#   container.apparmor.security.beta.kubernetes.io/NAME set to unconfined or with
#   securityContext.appArmorProfile.type set to Unconfined at pod or container level. On nodes
#   that enforce AppArmor the runtime's default profile blocks writes to sensitive /proc and /sys
#   paths and mounting filesystems; without it a process that gains capabilities faces one
#   fewer barrier to escaping to the node. High because it removes a default protection and is
#   forbidden by the Pod Security Standards Baseline profile.
# remediation: >-
#   Remove the unconfined annotation or appArmorProfile so the runtime default applies, or set
#   `securityContext.appArmorProfile.type: RuntimeDefault` (or Localhost with a reviewed profile).
# references:
#   - https://kubernetes.io/docs/tutorials/security/apparmor/
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# frameworks: [PSS-Baseline, NSA-CISA-K8s]
package rampart.kubernetes.apparmor_unconfined

import data.rampart.kubernetes.lib

annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

unconfined_profile(sc) if {
	profile := lib.obj(sc, "appArmorProfile")
	profile.type == "Unconfined"
}

deny contains r if {
	annotations := lib.obj(lib.pod_metadata, "annotations")
	some key, value in annotations
	is_string(key)
	startswith(key, annotation_prefix)
	is_string(value)
	lower(value) == "unconfined"
	container := substring(key, count(annotation_prefix), -1)
	r := lib.result(annotations, sprintf("the pod template annotation %q disables AppArmor for container %q", [key, container]))
}

deny contains r if {
	unconfined_profile(lib.pod_security_context)
	r := lib.result(lib.pod_security_context, "the pod securityContext sets appArmorProfile.type: Unconfined")
}

deny contains r if {
	some c in lib.containers
	unconfined_profile(lib.security_context(c))
	r := lib.result(c, sprintf("%s sets appArmorProfile.type: Unconfined", [lib.describe(c)]))
}
