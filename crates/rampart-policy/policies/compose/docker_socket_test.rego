package rampart.compose.docker_socket

import data.rampart.compose.testlib as t

test_docker_socket_is_denied if {
	r := deny with input as t.compose({
		"proxy": t.hardened(4, {"volumes": ["/var/run/docker.sock:/var/run/docker.sock:ro", "./traefik.yml:/etc/traefik/traefik.yml:ro"]}),
		"runner": t.hardened(20, {"volumes": [{"type": "bind", "source": "/run/containerd/containerd.sock", "target": "/run/containerd/containerd.sock", "__line__": 27, "__end_line__": 29}]}),
		"web": t.hardened(40, {}),
	})
	count(r) == 2
	{x.line | some x in r} == {4, 27}
}

test_run_directory_is_denied if {
	count(deny) == 1 with input as t.compose({"agent": t.hardened(4, {"volumes": ["/var/run/:/host/run"]})})
}

test_other_volumes_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {"volumes": ["static:/srv/static", "./nginx.conf:/etc/nginx/nginx.conf:ro", {"type": "volume", "source": "docker.sock", "target": "/data", "__line__": 9, "__end_line__": 11}]}),
		"tmp": t.hardened(20, {"volumes": [{"type": "tmpfs", "target": "/var/run", "__line__": 25, "__end_line__": 26}]}),
	})
}
