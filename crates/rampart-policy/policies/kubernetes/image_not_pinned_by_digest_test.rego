package rampart.kubernetes.image_not_pinned_by_digest

import data.rampart.kubernetes.testlib as t

test_tag_only_is_denied if {
	count(deny) == 1 with input as t.cronjob({"containers": [t.container("a", 20, {"image": "nginx:1.27"})]})
}

test_digest_is_allowed if {
	count(deny) == 0 with input as t.cronjob({"containers": [t.container("a", 20, {})]})
}
