# Helpers shared by the Kubernetes policies. No METADATA block: this module is not a policy.
package rampart.kubernetes.lib

# Kinds whose pod template sits at spec.template.
template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

# Long-running workloads (probes make sense for them; Jobs and CronJobs run to completion).
long_running_kinds := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}

# The pod template's metadata and spec, wherever the object's kind keeps them.
pod_template := {"metadata": object.get(input, "metadata", {}), "spec": input.spec} if input.kind == "Pod"

pod_template := input.spec.template if input.kind in template_kinds

pod_template := input.template if input.kind == "PodTemplate"

pod_template := input.spec.jobTemplate.spec.template if input.kind == "CronJob"

pod_spec := pod_template.spec if is_object(pod_template.spec)

pod_metadata := m if {
	m := object.get(pod_template, "metadata", {})
	is_object(m)
}

is_workload if is_object(pod_spec)

is_long_running if {
	is_workload
	input.kind in long_running_kinds
}

# `o[key]` when it is an array / object, else empty (absent, null or malformed fields).
arr(o, key) := v if {
	v := object.get(o, key, [])
	is_array(v)
} else := []

obj(o, key) := v if {
	v := object.get(o, key, {})
	is_object(v)
} else := {}

app_containers contains c if {
	some c in arr(pod_spec, "containers")
	is_object(c)
}

init_containers contains c if {
	some c in arr(pod_spec, "initContainers")
	is_object(c)
}

ephemeral_containers contains c if {
	some c in arr(pod_spec, "ephemeralContainers")
	is_object(c)
}

# Every container of the pod: containers, initContainers and ephemeralContainers.
containers := (app_containers | init_containers) | ephemeral_containers

# "container", "init container" or "ephemeral container", for messages.
label(c) := "init container" if {
	c in init_containers
} else := "ephemeral container" if {
	c in ephemeral_containers
} else := "container"

name(c) := object.get(c, "name", "<unnamed>")

describe(c) := sprintf("%s %q", [label(c), name(c)])

pod_security_context := obj(pod_spec, "securityContext")

security_context(c) := obj(c, "securityContext")

has_key(o, key) if {
	_ = o[key]
}

# A securityContext field as it applies to a container: the container's own value, else the
# pod's (for the fields the pod-level securityContext also has).
effective(c, key) := v if {
	v := security_context(c)[key]
} else := v if {
	not has_key(security_context(c), key)
	v := pod_security_context[key]
}

# The finding for an object that carries its source lines.
result(o, msg) := {"msg": msg, "line": object.get(o, "__line__", null), "end_line": object.get(o, "__end_line__", null)}

# Image reference helpers.
image_ref(c) := img if {
	img := object.get(c, "image", "")
	is_string(img)
	img != ""
}

has_digest(img) if contains(img, "@")

# The tag of an image reference, undefined when it has none.
image_tag(img) := tag if {
	ref := split(img, "@")[0]
	parts := split(ref, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
}

# Names that usually hold credentials; `_FILE`/`_PATH`/`_DIR`/... variants point at one.
secret_name(n) if {
	is_string(n)
	regex.match(`(passw(or)?d|secret|credential|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key|(^|[_.-])(token|pwd|pass)([_.-]|$)|token$)`, lower(n))
	not regex.match(`[_.-](file|path|dir|url|name|user(name)?|host|port)$`, lower(n))
}

# Values that switch a feature rather than hold a credential (`MYSQL_RANDOM_ROOT_PASSWORD=yes`).
switch_value(v) if lower(trim_space(v)) in {"yes", "no", "true", "false", "on", "off", "0", "1", "y", "n", "enabled", "disabled"}
