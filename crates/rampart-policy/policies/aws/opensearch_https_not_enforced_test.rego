package rampart.aws.opensearch_https_not_enforced

import data.rampart.aws.lib_iam as t

test_domains_without_https_are_denied if {
	a := t.tf_res("aws_opensearch_domain", "logs", 1, {"domain_name": "logs"})
	b := t.tf_res("aws_opensearch_domain", "old", 20, {"domain_endpoint_options": [t.block(22, {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"})]})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 20}
	c := t.cfn_res("AWS::Elasticsearch::Domain", "Search", 5, {"DomainEndpointOptions": {"EnforceHTTPS": false}})
	count(deny) == 1 with input as t.cfn([c])
}

test_https_domains_are_allowed if {
	a := t.tf_res("aws_opensearch_domain", "logs", 1, {"domain_endpoint_options": [t.block(3, {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"})]})
	b := t.tf_res("aws_opensearch_domain", "var", 20, {"domain_endpoint_options": [t.block(22, {"enforce_https": t.unknown("var.https", [])})]})
	count(deny) == 0 with input as t.tf([a, b])
	c := t.cfn_res("AWS::OpenSearchService::Domain", "Search", 5, {"DomainEndpointOptions": {"EnforceHTTPS": "true"}})
	count(deny) == 0 with input as t.cfn([c])
}
