# METADATA
# id: k8s-default-namespace
# title: Object is in the default namespace
# severity: low
# kinds: [kubernetes]
# description: >-
#   A namespaced object has no metadata.namespace or sets it to default. The default namespace
#   tends to collect unrelated workloads, so RBAC grants, NetworkPolicies, ResourceQuotas and Pod
#   Security admission labels scoped to it apply to all of them at once and cannot be tailored;
#   separate namespaces are the basic unit of isolation between applications. Low: when the
#   namespace is left out it may still be set at deploy time (kubectl -n, Helm, Kustomize).
#   Cluster-scoped kinds (Namespace, ClusterRole, PersistentVolume, StorageClass, webhook
#   configurations and others, plus any kind whose name starts with Cluster) are skipped.
# remediation: >-
#   Create a namespace per application or team and set `metadata.namespace` on its objects
#   (or in the Kustomize/Helm configuration that renders them).
# references:
#   - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
#   - https://kubernetes.io/docs/concepts/security/multi-tenancy/
# frameworks: [CIS-K8s-5.7.4, NSA-CISA-K8s]
package rampart.kubernetes.default_namespace

import data.rampart.kubernetes.lib

cluster_scoped_kinds := {
	"APIService", "CSIDriver", "CSINode", "CertificateSigningRequest", "ClusterRole",
	"ClusterRoleBinding", "ComponentStatus", "CustomResourceDefinition", "FlowSchema", "IngressClass",
	"MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "MutatingWebhookConfiguration",
	"Namespace", "Node", "PersistentVolume", "PodSecurityPolicy", "PriorityClass",
	"PriorityLevelConfiguration", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
	"ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment",
	"VolumeAttributesClass", "DeviceClass", "IPAddress", "ServiceCIDR",
}

# Lists and objects without a kind are not single namespaced objects.
namespaced if {
	is_string(input.kind)
	not input.kind in cluster_scoped_kinds
	not startswith(input.kind, "Cluster")
	not endswith(input.kind, "List")
}

metadata := m if {
	m := object.get(input, "metadata", {})
	is_object(m)
}

kind_and_name := sprintf("%s %q", [input.kind, object.get(metadata, "name", "<unnamed>")])

deny contains r if {
	namespaced
	not "namespace" in object.keys(metadata)
	r := lib.result(metadata, sprintf("%s sets no namespace and will land in the namespace of the deploying context, often default", [kind_and_name]))
}

deny contains r if {
	namespaced
	metadata.namespace in {"default", "", null}
	r := lib.result(metadata, sprintf("%s is in the default namespace", [kind_and_name]))
}
