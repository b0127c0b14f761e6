package rampart.compose.sensitive_host_path

import data.rampart.compose.testlib as t

test_sensitive_paths_are_denied if {
	r := deny with input as t.compose({
		"agent": t.hardened(4, {"volumes": ["/:/host", "/proc:/host/proc", "/etc/:/host/etc:rw", "/var/lib/docker/containers:/containers"]}),
		"backup": t.hardened(20, {"volumes": [{"type": "bind", "source": "/root", "target": "/backup/root", "read_only": true, "__line__": 25, "__end_line__": 28}]}),
	})
	count(r) == 5
	{x.line | some x in r} == {4, 25}
}

test_read_only_root_filesystem_is_denied if {
	r := deny with input as t.compose({"exporter": t.hardened(4, {"volumes": ["/:/rootfs:ro", "/sys:/host/sys:ro"]})})
	count(r) == 1
	some x in r
	contains(x.msg, "even read-only")
}

test_ordinary_mounts_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {"volumes": [
			"/etc/localtime:/etc/localtime:ro",
			"/etc/ssl/certs:/etc/ssl/certs:ro",
			"./nginx/conf.d:/etc/nginx/conf.d:ro",
			"/srv/shop/uploads:/var/www/uploads",
			"pgdata:/var/lib/postgresql/data",
			"${DATA_DIR}:/data",
		]}),
		"exporter": t.hardened(20, {"volumes": ["/proc:/host/proc:ro", "/sys:/host/sys:ro"]}),
	})
}
