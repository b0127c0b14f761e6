package rampart.aws.redshift_cluster_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_cluster_is_denied if {
	c := t.tf_res("aws_redshift_cluster", "dwh", 1, {"cluster_identifier": "dwh", "encrypted": false, "__spans__": {"encrypted": [6, 6]}})
	r := deny with input as t.tf([c])
	count(r) == 1
	[x.line | some x in r] == [6]
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::Redshift::Cluster", "Dwh", 5, {"Encrypted": "false"})])
}

test_encrypted_clusters_are_allowed if {
	a := t.tf_res("aws_redshift_cluster", "dwh", 1, {"cluster_identifier": "dwh", "encrypted": true})
	b := t.tf_res("aws_redshift_cluster", "default", 20, {"cluster_identifier": "default"})
	c := t.tf_res("aws_redshift_cluster", "maybe", 40, {"cluster_identifier": "maybe", "encrypted": t.unknown("var.encrypted", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::Redshift::Cluster", "Dwh", 5, {"Encrypted": true})])
}
