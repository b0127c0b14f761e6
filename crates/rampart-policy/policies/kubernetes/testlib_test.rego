# Input builders for the Kubernetes policy tests (no test_ rules here).
package rampart.kubernetes.testlib

meta := {"name": "web", "namespace": "shop", "__line__": 3, "__end_line__": 5}

spec_of(extra) := object.union({"__line__": 10, "__end_line__": 60}, extra)

pod(extra) := {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec_of(extra), "__line__": 1, "__end_line__": 60}

deployment(extra) := {
	"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta, "__line__": 1, "__end_line__": 60,
	"spec": {"replicas": 2, "__line__": 6, "__end_line__": 60, "template": {"__line__": 7, "__end_line__": 60, "metadata": {"__line__": 8, "__end_line__": 9}, "spec": spec_of(extra)}},
}

job(extra) := {
	"apiVersion": "batch/v1", "kind": "Job", "metadata": meta, "__line__": 1, "__end_line__": 60,
	"spec": {"__line__": 6, "__end_line__": 60, "template": {"__line__": 7, "__end_line__": 60, "spec": spec_of(extra)}},
}

cronjob(extra) := {
	"apiVersion": "batch/v1", "kind": "CronJob", "metadata": meta, "__line__": 1, "__end_line__": 60,
	"spec": {"schedule": "* * * * *", "__line__": 6, "__end_line__": 60, "jobTemplate": {"__line__": 7, "__end_line__": 60, "spec": {"__line__": 8, "__end_line__": 60, "template": {"__line__": 9, "__end_line__": 60, "spec": spec_of(extra)}}}},
}

# A container that satisfies every policy, with overrides merged in.
good_sc := {
	"__line__": 0, "__end_line__": 0,
	"allowPrivilegeEscalation": false, "privileged": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true,
	"capabilities": {"drop": ["ALL"], "__line__": 0, "__end_line__": 0},
	"seccompProfile": {"type": "RuntimeDefault", "__line__": 0, "__end_line__": 0},
}

good_resources := {"__line__": 0, "__end_line__": 0, "limits": {"cpu": "500m", "memory": "256Mi"}, "requests": {"cpu": "100m", "memory": "128Mi"}}

probe := {"httpGet": {"path": "/healthz", "port": 8080}, "__line__": 0, "__end_line__": 0}

# Shallow merge: a key in `extra` replaces the whole field.
merge(base, extra) := object.union(object.remove(base, {k | some k, _ in extra}), extra)

container(name, line, extra) := merge({
	"name": name, "image": "registry.example.com/app:1.4.2@sha256:0123456789abcdef",
	"securityContext": good_sc, "resources": good_resources,
	"livenessProbe": probe, "readinessProbe": probe,
	"__line__": line, "__end_line__": line + 4,
}, extra)

with_sc(name, line, sc) := container(name, line, {"securityContext": object.union(good_sc, sc)})
