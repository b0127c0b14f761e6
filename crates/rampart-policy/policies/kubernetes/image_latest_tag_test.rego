package rampart.kubernetes.image_latest_tag

import data.rampart.kubernetes.testlib as t

test_latest_and_untagged_are_denied if {
	count(deny) == 2 with input as t.deployment({"containers": [t.container("a", 20, {"image": "nginx"}), t.container("b", 30, {"image": "localhost:5000/team/app:latest"})]})
}

test_tag_or_digest_is_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("a", 20, {"image": "localhost:5000/nginx:1.27"}), t.container("b", 30, {"image": "nginx@sha256:abcd"})]})
}
