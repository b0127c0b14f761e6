package rampart.aws.redshift_audit_logging_disabled

import data.rampart.aws.lib_data as t

test_clusters_without_audit_logging_are_denied if {
	a := t.tf_res("aws_redshift_cluster", "warehouse", 54, {"cluster_identifier": "warehouse", "encrypted": true})
	b := t.tf_res("aws_redshift_cluster", "adhoc", 80, {"cluster_identifier": "adhoc", "logging": [t.block(85, {"enable": false, "__spans__": {"enable": [86, 86]}})]})
	other := t.tf_res("aws_redshift_logging", "other", 100, {"cluster_identifier": "reporting", "log_destination_type": "cloudwatch"})
	r := deny with input as t.tf([a, b, other])
	count(r) == 2
	{x.line | some x in r} == {54, 86}
	rc := deny with input as t.cfn([t.cfn_res("AWS::Redshift::Cluster", "Warehouse", 220, {"ClusterType": "multi-node", "Encrypted": true})])
	count(rc) == 1
	[x.line | some x in rc] == [220]
}

test_clusters_with_audit_logging_are_allowed if {
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_redshift_cluster", "inline", 1, {"cluster_identifier": "inline", "logging": [t.block(5, {"enable": true, "log_destination_type": "cloudwatch"})]}),
		t.tf_res("aws_redshift_cluster", "byref", 20, {"cluster_identifier": "byref"}),
		t.tf_res("aws_redshift_logging", "byref", 35, {"cluster_identifier": t.tf_ref("aws_redshift_cluster.byref"), "log_destination_type": "s3", "bucket_name": "audit"}),
		t.tf_res("aws_redshift_cluster", "byname", 50, {"cluster_identifier": "byname"}),
		t.tf_res("aws_redshift_logging", "byname", 65, {"cluster_identifier": "byname"}),
		t.tf_res("aws_redshift_cluster", "flag", 80, {"cluster_identifier": "flag", "logging": [t.block(85, {"enable": t.unknown("var.audit", [])})]}),
		t.tf_res("aws_redshift_cluster", "dyn", 100, {"cluster_identifier": "dyn", "logging": t.unknown("dynamic logging", [])}),
	])
	count(deny) == 0 with input as t.tf([
		t.tf_res("aws_redshift_cluster", "c", 1, {"cluster_identifier": "c"}),
		t.tf_res("aws_redshift_logging", "l", 20, {"cluster_identifier": t.unknown("var.cluster_id", [])}),
	])
	count(deny) == 0 with input as t.cfn([
		t.cfn_res("AWS::Redshift::Cluster", "Warehouse", 5, {"LoggingProperties": t.block(9, {"LogDestinationType": "cloudwatch", "LogExports": ["connectionlog", "userlog", "useractivitylog"]})}),
		t.cfn_res("AWS::Redshift::Cluster", "Dyn", 30, {"LoggingProperties": t.unknown("Fn::If Audit", [])}),
	])
}
