package rampart.dockerfile.add_instead_of_copy

add(srcs, line) := {"cmd": "add", "sources": srcs, "destination": "/app/", "stage": 0, "__line__": line, "__end_line__": line}

test_local_files_are_denied if {
	r := deny with input as {"instructions": [add(["app.py", "lib/"], 4)]}
	count(r) == 1
	some x in r
	x.line == 4
}

test_archives_and_urls_are_allowed if {
	count(deny) == 0 with input as {"instructions": [
		add(["rootfs.tar.gz"], 2),
		add(["https://example.com/x"], 3),
		{"cmd": "copy", "sources": ["a"], "destination": "/", "__line__": 5, "__end_line__": 5},
	]}
}
