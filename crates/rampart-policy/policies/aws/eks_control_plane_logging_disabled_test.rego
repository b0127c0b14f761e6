package rampart.aws.eks_control_plane_logging_disabled

import data.rampart.aws.lib_iam as t

test_clusters_without_audit_logs_are_denied if {
	a := t.tf_res("aws_eks_cluster", "main", 1, {"name": "main"})
	b := t.tf_res("aws_eks_cluster", "ops", 20, {"enabled_cluster_log_types": ["api", "authenticator"], "__spans__": {"enabled_cluster_log_types": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	c := t.cfn_res("AWS::EKS::Cluster", "Cluster", 5, {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}]}}})
	d := t.cfn_res("AWS::EKS::Cluster", "Bare", 30, {"Name": "bare"})
	count(deny) == 2 with input as t.cfn([c, d])
}

test_audited_clusters_are_allowed if {
	a := t.tf_res("aws_eks_cluster", "main", 1, {"enabled_cluster_log_types": ["api", "audit", "authenticator"]})
	b := t.tf_res("aws_eks_cluster", "var", 20, {"enabled_cluster_log_types": t.unknown("var.log_types", [])})
	count(deny) == 0 with input as t.tf([a, b])
	c := t.cfn_res("AWS::EKS::Cluster", "Cluster", 5, {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "audit"}, {"Type": "api"}]}}})
	count(deny) == 0 with input as t.cfn([c])
}
