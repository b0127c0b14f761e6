package rampart.kubernetes.windows_host_process

import data.rampart.kubernetes.testlib as t

test_host_process_at_pod_and_container_level_is_denied if {
	r := deny with input as t.deployment({
		"securityContext": {"windowsOptions": {"hostProcess": true}, "__line__": 11, "__end_line__": 12},
		"containers": [t.container("app", 20, {})],
		"initContainers": [t.with_sc("setup", 14, {"windowsOptions": {"hostProcess": true}})],
		"ephemeralContainers": [t.with_sc("debug", 30, {"windowsOptions": {"hostProcess": true}})],
	})
	count(r) == 3
	{x.line | some x in r} == {11, 14, 30}
}

test_non_host_process_is_allowed if {
	count(deny) == 0 with input as t.cronjob({
		"securityContext": {"windowsOptions": {"hostProcess": false, "runAsUserName": "ContainerUser"}, "__line__": 11, "__end_line__": 12},
		"containers": [t.with_sc("app", 20, {"windowsOptions": {"runAsUserName": "ContainerUser"}})],
	})
}
