# METADATA
# id: k8s-unsafe-sysctls
# title: Pod sets a sysctl outside the safe set
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   The pod securityContext sets a sysctl that is not in the Pod Security Standards Baseline
#   safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,
#   net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range,
#   net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout,
#   net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes). Safe sysctls are namespaced
#   and isolated per pod; others may not be, and can change kernel behaviour for the whole node,
#   disable security mechanisms or let one pod exhaust shared kernel resources. High because it
#   can weaken the node itself; forbidden by the Baseline profile.
# remediation: >-
#   Remove the sysctl, or set it on the nodes (for example through node configuration or a
#   vetted DaemonSet) instead of from an application pod. If a pod truly needs it, allow it
#   explicitly with the kubelet's --allowed-unsafe-sysctls on dedicated, tainted nodes.
# references:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
# frameworks: [PSS-Baseline]
package rampart.kubernetes.unsafe_sysctls

import data.rampart.kubernetes.lib

safe_sysctls := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

# The kernel accepts "/" as well as "." as the separator.
normalized(n) := replace(n, "/", ".")

deny contains r if {
	some s in lib.arr(lib.pod_security_context, "sysctls")
	is_object(s)
	n := object.get(s, "name", "")
	is_string(n)
	not normalized(n) in safe_sysctls
	r := lib.result(s, sprintf("the pod sets sysctl %q, which is outside the safe set", [n]))
}
