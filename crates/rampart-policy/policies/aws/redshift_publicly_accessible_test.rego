package rampart.aws.redshift_publicly_accessible

import data.rampart.aws.lib_data as t

test_public_cluster_is_denied if {
	c := t.tf_res("aws_redshift_cluster", "dwh", 1, {"cluster_identifier": "dwh", "publicly_accessible": true, "__spans__": {"publicly_accessible": [7, 7]}})
	r := deny with input as t.tf([c])
	count(r) == 1
	[x.line | some x in r] == [7]
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::Redshift::Cluster", "Dwh", 5, {"PubliclyAccessible": "true"})])
}

test_private_clusters_are_allowed if {
	a := t.tf_res("aws_redshift_cluster", "dwh", 1, {"cluster_identifier": "dwh", "publicly_accessible": false})
	b := t.tf_res("aws_redshift_cluster", "default", 20, {"cluster_identifier": "default"})
	count(deny) == 0 with input as t.tf([a, b])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::Redshift::Cluster", "Dwh", 5, {"PubliclyAccessible": false})])
}
