package rampart.aws.opensearch_encryption_disabled

import data.rampart.aws.lib_iam as t

test_unencrypted_domains_are_denied if {
	a := t.tf_res("aws_opensearch_domain", "logs", 1, {"domain_name": "logs"})
	b := t.tf_res("aws_elasticsearch_domain", "legacy", 20, {"encrypt_at_rest": [t.block(22, {"enabled": true})], "node_to_node_encryption": [t.block(26, {"enabled": false})]})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	some x in r
	x.line == 1
	contains(x.msg, "encrypt_at_rest and node_to_node_encryption")
	c := t.cfn_res("AWS::OpenSearchService::Domain", "Search", 5, {"EncryptionAtRestOptions": {"Enabled": "false"}, "NodeToNodeEncryptionOptions": {"Enabled": true}})
	count(deny) == 1 with input as t.cfn([c])
}

test_encrypted_domains_are_allowed if {
	a := t.tf_res("aws_opensearch_domain", "logs", 1, {"encrypt_at_rest": [t.block(3, {"enabled": true})], "node_to_node_encryption": [t.block(7, {"enabled": true})]})
	b := t.tf_res("aws_opensearch_domain", "var", 20, {"encrypt_at_rest": [t.block(22, {"enabled": t.unknown("var.enc", [])})], "node_to_node_encryption": [t.block(26, {"enabled": true})]})
	count(deny) == 0 with input as t.tf([a, b])
	c := t.cfn_res("AWS::OpenSearchService::Domain", "Search", 5, {"EncryptionAtRestOptions": {"Enabled": true}, "NodeToNodeEncryptionOptions": {"Enabled": "true"}})
	count(deny) == 0 with input as t.cfn([c])
}
