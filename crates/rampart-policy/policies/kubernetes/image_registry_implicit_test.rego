package rampart.kubernetes.image_registry_implicit

import data.rampart.kubernetes.testlib as t

test_images_without_registry_are_denied if {
	r := deny with input as t.deployment({
		"containers": [t.container("web", 20, {"image": "nginx:1.27.2"}), t.container("cache", 30, {"image": "bitnami/redis:7.2"})],
		"initContainers": [t.container("setup", 14, {"image": "registry.example.com/tools/setup:1.0"})],
	})
	count(r) == 2
	{x.line | some x in r} == {20, 30}
}

test_images_with_registry_are_allowed if {
	count(deny) == 0 with input as t.pod({"containers": [
		t.container("a", 20, {"image": "ghcr.io/acme/api:2.1.0"}),
		t.container("b", 30, {"image": "docker.io/library/nginx:1.27.2"}),
		t.container("c", 40, {"image": "localhost:5000/dev/app:1"}),
		t.container("d", 50, {"image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:0123"}),
	]})
}
