package rampart.aws.eks_public_endpoint

import data.rampart.aws.lib_iam as t

test_world_open_endpoints_are_denied if {
	a := t.tf_res("aws_eks_cluster", "main", 1, {"vpc_config": [t.block(4, {"subnet_ids": ["subnet-1"]})]})
	b := t.tf_res("aws_eks_cluster", "ops", 20, {"vpc_config": [t.block(24, {"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})]})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {4, 24}
	c := t.cfn_res("AWS::EKS::Cluster", "Cluster", 5, {"ResourcesVpcConfig": t.block(9, {"SubnetIds": ["subnet-1"]})})
	r2 := deny with input as t.cfn([c])
	[x.line | some x in r2] == [9]
}

test_private_or_restricted_endpoints_are_allowed if {
	a := t.tf_res("aws_eks_cluster", "main", 1, {"vpc_config": [t.block(4, {"endpoint_public_access": false, "endpoint_private_access": true})]})
	b := t.tf_res("aws_eks_cluster", "ops", 20, {"vpc_config": [t.block(24, {"public_access_cidrs": ["203.0.113.0/24"]})]})
	c := t.tf_res("aws_eks_cluster", "var", 40, {"vpc_config": [t.block(44, {"endpoint_public_access": t.unknown("var.public", [])})]})
	count(deny) == 0 with input as t.tf([a, b, c])
	d := t.cfn_res("AWS::EKS::Cluster", "Cluster", 5, {"ResourcesVpcConfig": t.block(9, {"EndpointPublicAccess": "false", "EndpointPrivateAccess": true})})
	count(deny) == 0 with input as t.cfn([d])
}
