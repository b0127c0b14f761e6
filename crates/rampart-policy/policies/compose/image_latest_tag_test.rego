package rampart.compose.image_latest_tag

import data.rampart.compose.testlib as t

test_unpinned_images_are_denied if {
	r := deny with input as t.compose({
		"cache": t.hardened(4, {"image": "redis"}),
		"web": t.hardened(20, {"image": "nginx:latest"}),
		"registry": t.hardened(40, {"image": "localhost:5000/tools/registry"}),
		"db": t.hardened(60, {"image": "postgres:16.4"}),
	})
	count(r) == 3
	{x.line | some x in r} == {4, 20, 40}
}

test_pinned_built_and_interpolated_images_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"db": t.hardened(4, {"image": "postgres:16.4-bookworm"}),
		"cache": t.hardened(20, {"image": "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}),
		"api": t.hardened(40, {"image": "shop/api", "build": {"context": ".", "__line__": 42, "__end_line__": 43}}),
		"worker": t.hardened(60, {"image": "ghcr.io/acme/worker:${WORKER_TAG:-1.2.0}"}),
	})
}
