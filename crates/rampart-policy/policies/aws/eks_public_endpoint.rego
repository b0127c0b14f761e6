# METADATA
# id: aws-eks-public-endpoint
# title: EKS API server endpoint is open to the internet
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EKS::Cluster", aws_eks_cluster]
# description: >-
#   The EKS cluster's Kubernetes API endpoint is public (`endpoint_public_access` is true or not
#   set, the default) and `public_access_cidrs` is not set or contains 0.0.0.0/0, so anyone can
#   reach the API server. Authentication still applies, but a leaked kubeconfig token, a
#   misconfigured anonymous binding or an API server vulnerability is then exploitable from
#   anywhere.
# remediation: >-
#   Set `vpc_config { endpoint_private_access = true endpoint_public_access = false }` and reach
#   the cluster through a VPN or bastion, or restrict `public_access_cidrs` to your offices and CI
#   egress ranges (CloudFormation `ResourcesVpcConfig.EndpointPublicAccess` /
#   `PublicAccessCidrs`).
# references:
#   - https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#vpc_config
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-eks-cluster-resourcesvpcconfig.html
package rampart.aws.eks_public_endpoint

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_eks_cluster")
	some vc in lib.blocks(lib.values(c), "vpc_config")
	public_endpoint(vc, "endpoint_public_access")
	open_to_world(vc, "public_access_cidrs")
	r := lib_iam.block_result(c, vc, sprintf("%s exposes the Kubernetes API endpoint to 0.0.0.0/0", [lib.describe(c)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::EKS::Cluster")
	vc := lib.values(c).ResourcesVpcConfig
	is_object(vc)
	not lib.is_unknown(vc)
	public_endpoint(vc, "EndpointPublicAccess")
	open_to_world(vc, "PublicAccessCidrs")
	r := lib_iam.block_result(c, vc, sprintf("%s exposes the Kubernetes API endpoint to 0.0.0.0/0", [lib.describe(c)]))
}

public_endpoint(vc, key) if lib_iam.absent(vc, key)

public_endpoint(vc, key) if lib.is_true(vc[key])

open_to_world(vc, key) if lib_iam.absent(vc, key)

open_to_world(vc, key) if vc[key] == []

open_to_world(vc, key) if {
	cidrs := vc[key]
	is_array(cidrs)
	some c in cidrs
	lib.public_cidr(c)
}
