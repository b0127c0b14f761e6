package rampart.dockerfile.maintainer_deprecated

test_maintainer_is_denied if {
	count(deny) == 1 with input as {"instructions": [{"cmd": "maintainer", "value": ["me"], "__line__": 2, "__end_line__": 2}]}
}

test_label_is_allowed if {
	count(deny) == 0 with input as {"instructions": [{"cmd": "label", "labels": {"org.opencontainers.image.authors": "me"}, "__line__": 2, "__end_line__": 2}]}
}
