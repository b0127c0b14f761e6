# METADATA
# id: k8s-capabilities-added
# title: Container adds capabilities beyond the baseline set
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   capabilities.add lists a Linux capability outside the small set the Pod Security Standards
#   Baseline allows (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD,
#   NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Capabilities such as
#   SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or ALL give root-level kernel powers that allow
#   container escape, network tampering or reading other processes' memory. High because of that
#   escalation path.
# remediation: >-
#   Remove the extra capabilities. Start from `drop: [ALL]` and add back only what is required,
#   typically just NET_BIND_SERVICE; move work that needs SYS_ADMIN or NET_ADMIN to a dedicated,
#   reviewed component.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#   - https://man7.org/linux/man-pages/man7/capabilities.7.html
# frameworks: [PSS-Baseline, CIS-K8s-5.2.8, CIS-K8s-5.2.9, NSA-CISA-K8s]
package rampart.kubernetes.capabilities_added

import data.rampart.kubernetes.lib

baseline := {"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"}

deny contains r if {
	some c in lib.containers
	caps := lib.obj(lib.security_context(c), "capabilities")
	some cap in lib.arr(caps, "add")
	is_string(cap)
	name := trim_prefix(upper(cap), "CAP_")
	not name in baseline
	r := lib.result(c, sprintf("%s adds capability %s", [lib.describe(c), name]))
}
