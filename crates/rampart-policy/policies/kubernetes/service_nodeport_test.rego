package rampart.kubernetes.service_nodeport

import data.rampart.kubernetes.testlib as t

test_nodeport_is_denied if {
	count(deny) == 1 with input as {"kind": "Service", "metadata": {"name": "web", "__line__": 2, "__end_line__": 3}, "spec": {"type": "NodePort", "__line__": 4, "__end_line__": 9}}
}

test_cluster_ip_is_allowed if {
	count(deny) == 0 with input as {"kind": "Service", "metadata": {"name": "web", "__line__": 2, "__end_line__": 3}, "spec": {"ports": [], "__line__": 4, "__end_line__": 9}}
}
