package rampart.dockerfile.run_security_insecure

test_insecure_is_denied if {
	count(deny) == 1 with input as {"instructions": [{"cmd": "run", "value": ["mount -t tmpfs none /mnt"], "flags": {"security": "insecure"}, "original": "RUN --security=insecure mount -t tmpfs none /mnt", "__line__": 3, "__end_line__": 3}]}
	count(deny) == 1 with input as {"instructions": [{"cmd": "run", "value": ["x"], "flags": {}, "original": "RUN --network=none --security=insecure x", "__line__": 3, "__end_line__": 3}]}
}

test_sandboxed_is_allowed if {
	count(deny) == 0 with input as {"instructions": [{"cmd": "run", "value": ["echo --security=insecure"], "flags": {"security": "sandbox"}, "original": "RUN --security=sandbox echo --security=insecure", "__line__": 3, "__end_line__": 3}]}
}
