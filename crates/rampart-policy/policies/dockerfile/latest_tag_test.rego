package rampart.dockerfile.latest_tag

st(i, base, tag, digest, from) := {"index": i, "base": base, "tag": tag, "digest": digest, "from_stage": from, "__line__": i + 1, "__end_line__": i + 1}

test_latest_and_untagged_are_denied if {
	count(deny) == 2 with input as {"stages": [st(0, "ubuntu:latest", "latest", null, null), st(1, "alpine", null, null, null)]}
}

test_tagged_digest_stage_and_scratch_are_allowed if {
	count(deny) == 0 with input as {"stages": [
		st(0, "golang:1.22", "1.22", null, null),
		st(1, "alpine@sha256:abc", null, "sha256:abc", null),
		st(2, "builder", null, null, 0),
		st(3, "scratch", null, null, null),
		st(4, "${BASE}", null, null, null),
	]}
}
