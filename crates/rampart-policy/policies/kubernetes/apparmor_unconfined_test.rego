package rampart.kubernetes.apparmor_unconfined

import data.rampart.kubernetes.testlib as t

with_annotations(obj, annotations) := object.union(obj, {"spec": {"template": {"metadata": {"annotations": object.union({"__line__": 8, "__end_line__": 9}, annotations)}}}})

test_unconfined_annotation_is_denied if {
	d := with_annotations(t.deployment({"containers": [t.container("app", 20, {})]}), {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"})
	r := deny with input as d
	count(r) == 1
	{x.line | some x in r} == {8}
}

test_runtime_default_annotation_is_allowed if {
	d := with_annotations(t.deployment({"containers": [t.container("app", 20, {})]}), {"container.apparmor.security.beta.kubernetes.io/app": "runtime/default", "team": "unconfined"})
	count(deny) == 0 with input as d
}

test_unconfined_profile_at_pod_and_container_level_is_denied if {
	r := deny with input as t.cronjob({
		"securityContext": {"appArmorProfile": {"type": "Unconfined"}, "__line__": 11, "__end_line__": 12},
		"containers": [t.container("app", 20, {})],
		"initContainers": [t.with_sc("setup", 14, {"appArmorProfile": {"type": "Unconfined"}})],
	})
	count(r) == 2
	{x.line | some x in r} == {11, 14}
}

test_runtime_default_profile_is_allowed if {
	count(deny) == 0 with input as t.pod({
		"securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}, "__line__": 11, "__end_line__": 12},
		"containers": [t.with_sc("app", 20, {"appArmorProfile": {"type": "Localhost", "localhostProfile": "k8s-app"}})],
	})
	count(deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "x", "annotations": {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"}}}
}
