package rampart.kubernetes.default_namespace

import data.rampart.kubernetes.testlib as t

test_default_or_missing_namespace_is_denied if {
	r := deny with input as {"kind": "ConfigMap", "metadata": {"name": "x", "namespace": "default", "__line__": 3, "__end_line__": 5}}
	count(r) == 1
	{x.line | some x in r} == {3}
	count(deny) == 1 with input as {"kind": "Deployment", "metadata": {"name": "x", "__line__": 3, "__end_line__": 5}, "spec": {}}
	count(deny) == 1 with input as {"kind": "Service", "spec": {}}
}

test_own_namespace_is_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("app", 20, {})]})
}

test_cluster_scoped_kinds_are_skipped if {
	count(deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "reader", "__line__": 3, "__end_line__": 5}}
	count(deny) == 0 with input as {"kind": "Namespace", "metadata": {"name": "shop", "__line__": 3, "__end_line__": 5}}
	count(deny) == 0 with input as {"kind": "StorageClass", "metadata": {"name": "fast", "__line__": 3, "__end_line__": 5}}
	count(deny) == 0 with input as {"kind": "ClusterIssuer", "metadata": {"name": "letsencrypt", "__line__": 3, "__end_line__": 5}}
	count(deny) == 0 with input as {"kind": "List", "items": []}
}
