package rampart.dockerfile.workdir_relative

wd(p) := {"cmd": "workdir", "value": [p], "stage": 0, "__line__": 5, "__end_line__": 5}

test_relative_is_denied if {
	count(deny) == 1 with input as {"instructions": [wd("app"), wd("/srv")]}
}

test_absolute_variable_and_windows_are_allowed if {
	count(deny) == 0 with input as {"instructions": [wd("/app"), wd("$HOME/app"), wd("C:\\app"), wd("${APP_DIR}")]}
}
