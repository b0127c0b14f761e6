package rampart.dockerfile.multiple_cmd_entrypoint

i(cmd, stage, line) := {"cmd": cmd, "value": ["x"], "stage": stage, "__line__": line, "__end_line__": line}

test_overridden_cmds_are_denied if {
	r := deny with input as {"instructions": [i("cmd", 0, 2), i("cmd", 0, 3), i("cmd", 0, 4), i("entrypoint", 0, 5)]}
	count(r) == 2
}

test_one_per_stage_is_allowed if {
	count(deny) == 0 with input as {"instructions": [i("cmd", 0, 2), i("entrypoint", 0, 3), i("cmd", 1, 6), i("entrypoint", 1, 7)]}
}
