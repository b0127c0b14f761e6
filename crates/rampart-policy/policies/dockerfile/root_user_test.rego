package rampart.dockerfile.root_user

stage(i, base, tag, from) := {"index": i, "name": null, "base": base, "tag": tag, "digest": null, "from_stage": from, "__line__": i * 10 + 1, "__end_line__": i * 10 + 1}

user(i, u, line) := {"cmd": "user", "user": u, "value": [u], "stage": i, "__line__": line, "__end_line__": line}

test_no_user_is_denied if {
	r := deny with input as {"stages": [stage(0, "debian:12", "12", null)], "instructions": []}
	count(r) == 1
	some x in r
	x.line == 1
}

test_root_user_is_denied if {
	r := deny with input as {"stages": [stage(0, "debian:12", "12", null)], "instructions": [user(0, "app", 2), user(0, "0:0", 3)]}
	count(r) == 1
	some x in r
	x.line == 3
}

test_non_root_user_is_allowed if {
	count(deny) == 0 with input as {"stages": [stage(0, "debian:12", "12", null)], "instructions": [user(0, "root", 2), user(0, "10001:10001", 3)]}
}

test_user_only_in_builder_stage_is_denied if {
	count(deny) == 1 with input as {"stages": [stage(0, "golang:1.22", "1.22", null), stage(1, "debian:12", "12", null)], "instructions": [user(0, "app", 2)]}
}

test_user_inherited_from_earlier_stage_is_allowed if {
	count(deny) == 0 with input as {"stages": [stage(0, "debian:12", "12", null), stage(1, "base", null, 0)], "instructions": [user(0, "app", 2)]}
}

test_nonroot_base_is_allowed if {
	count(deny) == 0 with input as {"stages": [stage(0, "gcr.io/distroless/static", "nonroot", null)], "instructions": []}
}
