package rampart.dockerfile.base_digest

st(i, base, digest, from) := {"index": i, "base": base, "digest": digest, "from_stage": from, "__line__": i + 1, "__end_line__": i + 1}

test_tag_only_is_denied if {
	count(deny) == 1 with input as {"stages": [st(0, "node:22", null, null), st(1, "build", null, 0)]}
}

test_digest_and_scratch_are_allowed if {
	count(deny) == 0 with input as {"stages": [st(0, "node:22@sha256:aa", "sha256:aa", null), st(1, "scratch", null, null)]}
}
