# METADATA
# id: aws-eks-control-plane-logging-disabled
# title: EKS control plane audit logging is off
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EKS::Cluster", aws_eks_cluster]
# description: >-
#   The EKS cluster does not send its `audit` control plane log to CloudWatch Logs
#   (`enabled_cluster_log_types` is empty, not set, or leaves out `audit`; CloudFormation
#   `Logging.ClusterLogging.EnabledTypes`). The Kubernetes audit log is the only record of who
#   read secrets, exec'd into pods or changed RBAC; without it an intrusion into the cluster
#   cannot be detected or reconstructed.
# remediation: >-
#   Set `enabled_cluster_log_types = ["api", "audit", "authenticator"]` (CloudFormation
#   `Logging: {ClusterLogging: {EnabledTypes: [{Type: api}, {Type: audit}, {Type: authenticator}]}}`).
# references:
#   - https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-eks-cluster-logging.html
package rampart.aws.eks_control_plane_logging_disabled

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_eks_cluster")
	v := lib.values(c)
	types := tf_types(v)
	not "audit" in types
	r := lib.attr_result(c, v, "enabled_cluster_log_types", sprintf("%s does not send the audit control plane log to CloudWatch (%s)", [lib.describe(c), shown(types)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::EKS::Cluster")
	types := cfn_types(lib.values(c))
	not "audit" in types
	r := lib.result(c, sprintf("%s does not send the audit control plane log to CloudWatch (%s)", [lib.describe(c), shown(types)]))
}

# The enabled log types, when known (undefined when any of them is unknown).
tf_types(v) := [] if lib_iam.absent(v, "enabled_cluster_log_types")

tf_types(v) := [t | some t in v.enabled_cluster_log_types] if {
	is_array(v.enabled_cluster_log_types)
	every t in v.enabled_cluster_log_types {
		is_string(t)
	}
}

cfn_types(v) := [] if lib_iam.absent(v, "Logging")

cfn_types(v) := types if {
	l := v.Logging
	is_object(l)
	not lib.is_unknown(l)
	types := cluster_logging_types(object.get(l, "ClusterLogging", null))
}

cluster_logging_types(cl) := [] if cl == null

cluster_logging_types(cl) := [] if {
	is_object(cl)
	not lib.is_unknown(cl)
	lib_iam.absent(cl, "EnabledTypes")
}

cluster_logging_types(cl) := [e.Type | some e in cl.EnabledTypes] if {
	is_object(cl)
	is_array(cl.EnabledTypes)
	every e in cl.EnabledTypes {
		is_string(e.Type)
	}
}

shown(types) := "no control plane log types enabled" if count(types) == 0

shown(types) := sprintf("enabled: %s", [concat(", ", types)]) if count(types) > 0
