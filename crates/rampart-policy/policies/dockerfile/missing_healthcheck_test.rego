package rampart.dockerfile.missing_healthcheck

st(i, base, from) := {"index": i, "base": base, "from_stage": from, "__line__": i * 10 + 1, "__end_line__": i * 10 + 1}

hc(stage) := {"cmd": "healthcheck", "healthcheck": {"cmd": ["curl", "-f", "http://localhost/"], "json": true}, "stage": stage, "__line__": 2, "__end_line__": 2}

test_no_healthcheck_in_final_stage_is_denied if {
	r := deny with input as {"stages": [st(0, "node:22", null), st(1, "node:22-slim", null)], "instructions": [hc(0)]}
	count(r) == 1
	some x in r
	x.line == 11
}

test_healthcheck_present_or_inherited_is_allowed if {
	count(deny) == 0 with input as {"stages": [st(0, "node:22", null)], "instructions": [hc(0)]}
	count(deny) == 0 with input as {"stages": [st(0, "node:22", null), st(1, "base", 0)], "instructions": [hc(0)]}
}

test_scratch_is_exempt if {
	count(deny) == 0 with input as {"stages": [st(0, "golang:1.22", null), st(1, "scratch", null)], "instructions": []}
}
