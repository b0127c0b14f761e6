# METADATA
# id: aws-opensearch-https-not-enforced
# title: OpenSearch domain endpoint accepts plain HTTP
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain", aws_elasticsearch_domain, aws_opensearch_domain]
# description: >-
#   The OpenSearch / Elasticsearch domain does not enforce HTTPS on its endpoint
#   (`domain_endpoint_options.enforce_https` false or not set; CloudFormation
#   `DomainEndpointOptions.EnforceHTTPS`), or enforces it with a TLS policy that still allows
#   TLS 1.0 (`Policy-Min-TLS-1-0-2019-07`). Queries, credentials and results can then travel
#   unencrypted or over deprecated TLS between clients and the domain.
# remediation: >-
#   Set `domain_endpoint_options { enforce_https = true tls_security_policy =
#   "Policy-Min-TLS-1-2-2019-07" }` (CloudFormation `DomainEndpointOptions: {EnforceHTTPS: true,
#   TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07}`).
# references:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#domain_endpoint_options
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-opensearchservice-domain-domainendpointoptions.html
package rampart.aws.opensearch_https_not_enforced

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

tf_types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

cfn_types := {"AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"}

deny contains r if {
	lib.is_terraform
	some t in tf_types
	some d in lib.managed(t)
	v := lib.values(d)
	not lib.is_unknown(object.get(v, "domain_endpoint_options", null))
	problem := issue(lib_iam.first_block(v, "domain_endpoint_options"), "enforce_https", "tls_security_policy")
	r := lib.result(d, sprintf("%s %s", [lib.describe(d), problem]))
}

deny contains r if {
	lib.is_cloudformation
	some t in cfn_types
	some d in lib.managed(t)
	o := object.get(lib.values(d), "DomainEndpointOptions", {})
	is_object(o)
	not lib.is_unknown(o)
	problem := issue(o, "EnforceHTTPS", "TLSSecurityPolicy")
	r := lib.result(d, sprintf("%s %s", [lib.describe(d), problem]))
}

issue(o, https, policy) := sprintf("does not enforce HTTPS on its endpoint (%s is not true)", [https]) if {
	not lib.is_true(object.get(o, https, false))
	not lib.is_unknown(object.get(o, https, false))
} else := sprintf("allows TLS 1.0 on its endpoint (%s)", [o[policy]]) if {
	o[policy] == "Policy-Min-TLS-1-0-2019-07"
}
