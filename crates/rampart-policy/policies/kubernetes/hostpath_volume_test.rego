package rampart.kubernetes.hostpath_volume

import data.rampart.kubernetes.testlib as t

test_hostpath_is_denied if {
	r := deny with input as t.cronjob({"containers": [t.container("app", 20, {})], "volumes": [{"name": "docker", "hostPath": {"path": "/var/run/docker.sock", "__line__": 41, "__end_line__": 41}, "__line__": 40, "__end_line__": 41}, {"name": "tmp", "emptyDir": {}, "__line__": 42, "__end_line__": 43}]})
	count(r) == 1
	some x in r
	x.line == 40
}

test_other_volumes_are_allowed if {
	count(deny) == 0 with input as t.pod({"containers": [t.container("app", 20, {})], "volumes": [{"name": "tmp", "emptyDir": {}, "__line__": 42, "__end_line__": 43}]})
}
