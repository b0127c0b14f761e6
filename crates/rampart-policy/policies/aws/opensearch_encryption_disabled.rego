# METADATA
# id: aws-opensearch-encryption-disabled
# title: OpenSearch domain does not encrypt data at rest or between nodes
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain", aws_elasticsearch_domain, aws_opensearch_domain]
# description: >-
#   The OpenSearch / Elasticsearch domain has encryption at rest or node-to-node encryption off
#   (`encrypt_at_rest.enabled`, `node_to_node_encryption.enabled` false or not set, the default;
#   CloudFormation `EncryptionAtRestOptions` / `NodeToNodeEncryptionOptions`). Indexed documents,
#   which often hold logs with personal data and tokens, are then stored on disk and sent between
#   nodes in clear text. Both settings are also required for fine-grained access control.
# remediation: >-
#   Set `encrypt_at_rest { enabled = true kms_key_id = aws_kms_key.search.arn }` and
#   `node_to_node_encryption { enabled = true }` (CloudFormation `EncryptionAtRestOptions:
#   {Enabled: true}`, `NodeToNodeEncryptionOptions: {Enabled: true}`). Existing domains may need
#   a blue/green update.
# references:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-opensearchservice-domain.html
package rampart.aws.opensearch_encryption_disabled

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

tf_types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

cfn_types := {"AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"}

deny contains r if {
	lib.is_terraform
	some t in tf_types
	some d in lib.managed(t)
	v := lib.values(d)
	missing := [k | some k in ["encrypt_at_rest", "node_to_node_encryption"]; tf_off(v, k)]
	count(missing) > 0
	r := lib.result(d, sprintf("%s does not enable %s", [lib.describe(d), concat(" and ", missing)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in cfn_types
	some d in lib.managed(t)
	v := lib.values(d)
	missing := [k | some k in ["EncryptionAtRestOptions", "NodeToNodeEncryptionOptions"]; cfn_off(v, k)]
	count(missing) > 0
	r := lib.result(d, sprintf("%s does not enable %s", [lib.describe(d), concat(" and ", missing)]))
}

tf_off(v, key) if {
	count(lib.blocks(v, key)) == 0
	not lib.is_unknown(object.get(v, key, null))
}

tf_off(v, key) if {
	some b in lib.blocks(v, key)
	not enabled(b, "enabled")
	not lib.is_unknown(object.get(b, "enabled", null))
}

cfn_off(v, key) if lib_iam.absent(v, key)

cfn_off(v, key) if {
	o := v[key]
	is_object(o)
	not lib.is_unknown(o)
	not enabled(o, "Enabled")
	not lib.is_unknown(object.get(o, "Enabled", null))
}

enabled(o, key) if lib.is_true(o[key])
