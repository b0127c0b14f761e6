package rampart.dockerfile.add_remote_url

add(srcs, flags) := {"cmd": "add", "sources": srcs, "destination": "/x", "flags": flags, "stage": 0, "__line__": 3, "__end_line__": 3}

test_url_is_denied if {
	r := deny with input as {"instructions": [add(["https://example.com/a.tgz", "local.txt"], {})]}
	count(r) == 1
	some x in r
	x.line == 3
}

test_local_checksum_and_git_are_allowed if {
	count(deny) == 0 with input as {"instructions": [
		add(["local.txt"], {}),
		add(["https://example.com/a.tgz"], {"checksum": "sha256:abc"}),
		add(["https://github.com/moby/buildkit.git#v0.14.1"], {}),
	]}
}
