package rampart.dockerfile.apt_lists_not_cleaned

run(v, flags) := {"cmd": "run", "value": [v], "flags": flags, "stage": 0, "__line__": 2, "__end_line__": 2}

test_lists_left_behind_are_denied if {
	count(deny) == 1 with input as {"instructions": [run("apt-get update && apt-get install -y --no-install-recommends curl", {})]}
}

test_cleaned_or_cache_mounted_is_allowed if {
	count(deny) == 0 with input as {"instructions": [
		run("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*", {}),
		run("apt-get update && apt-get install -y curl", {"mount": ["type=cache,target=/var/lib/apt,sharing=locked"]}),
		run("echo hello", {}),
	]}
}
