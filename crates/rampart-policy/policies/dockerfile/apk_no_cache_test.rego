package rampart.dockerfile.apk_no_cache

run(v, flags) := {"cmd": "run", "value": [v], "flags": flags, "stage": 0, "__line__": 2, "__end_line__": 2}

test_apk_add_is_denied if {
	count(deny) == 1 with input as {"instructions": [run("apk update && apk add curl", {})]}
}

test_no_cache_and_cache_mount_are_allowed if {
	count(deny) == 0 with input as {"instructions": [
		run("apk add --no-cache curl", {}),
		run("apk add curl", {"mount": ["type=cache,target=/var/cache/apk"]}),
		run("apk add curl && rm -rf /var/cache/apk/*", {}),
	]}
}
