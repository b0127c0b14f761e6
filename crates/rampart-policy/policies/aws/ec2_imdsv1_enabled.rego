# METADATA
# id: aws-ec2-imdsv1-enabled
# title: EC2 instance metadata service accepts IMDSv1
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::LaunchTemplate", aws_ec2_instance_metadata_defaults, aws_instance, aws_launch_configuration, aws_launch_template]
# description: >-
#   The instance (or launch template / launch configuration) does not require session tokens for
#   the instance metadata service (`http_tokens` is not `required`), so the unauthenticated
#   IMDSv1 protocol stays available. A server-side request forgery or an open proxy in any
#   application on the instance can then read the instance role's temporary credentials with a
#   plain GET request. Instances without `metadata_options` are reported unless the account's
#   default (`aws_ec2_instance_metadata_defaults`) requires tokens; instances that take their
#   settings from a launch template are judged on the template.
# remediation: >-
#   Require IMDSv2: `metadata_options { http_tokens = "required" }` (CloudFormation:
#   `MetadataOptions: {HttpTokens: required}` in the launch template data), or disable the
#   endpoint with `http_endpoint = "disabled"` when the instance does not need it.
# references:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-launchtemplate-metadataoptions.html
package rampart.aws.ec2_imdsv1_enabled

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

tf_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

# The account default requires (or may require: unknown value) tokens for new instances.
account_requires_tokens if {
	some d in lib.managed("aws_ec2_instance_metadata_defaults")
	lib.values(d).http_tokens == "required"
}

account_requires_tokens if {
	some d in lib.managed("aws_ec2_instance_metadata_defaults")
	lib.is_unknown(lib.values(d).http_tokens)
}

deny contains r if {
	lib.is_terraform
	some t in tf_types
	some i in lib.managed(t)
	v := lib.values(i)
	count(lib.blocks(v, "metadata_options")) == 0
	not lib.is_unknown(object.get(v, "metadata_options", null))
	not uses_launch_template(i, v)
	not account_requires_tokens
	r := lib.result(i, sprintf("%s has no metadata_options, so IMDSv1 stays enabled (set http_tokens = \"required\")", [lib.describe(i)]))
}

deny contains r if {
	lib.is_terraform
	some t in tf_types
	some i in lib.managed(t)
	some mo in lib.blocks(lib.values(i), "metadata_options")
	not endpoint_disabled(mo, "http_endpoint")
	tokens_optional(mo, "http_tokens")
	r := lib.attr_result(i, mo, "http_tokens", sprintf("%s allows IMDSv1: %s", [lib.describe(i), shown(mo, "metadata_options.http_tokens", "http_tokens")]))
}

uses_launch_template(i, v) if {
	i.type == "aws_instance"
	count(lib.blocks(v, "launch_template")) > 0
}

endpoint_disabled(mo, key) if lib_iam.lower_in(mo[key], {"disabled"})

# Tokens are optional: said so, or left to the default (`optional`) unless the account default
# requires them.
tokens_optional(mo, key) if lib_iam.lower_in(mo[key], {"optional"})

tokens_optional(mo, key) if {
	lib_iam.absent(mo, key)
	not account_requires_tokens
}

shown(mo, label, key) := sprintf("%s is %q, not \"required\"", [label, mo[key]]) if is_string(mo[key]) else := sprintf("%s is not set, so it defaults to \"optional\"", [label])

# CloudFormation: launch templates and launch configurations (AWS::EC2::Instance has no metadata
# options of its own).
deny contains r if {
	lib.is_cloudformation
	some t in lib.managed("AWS::EC2::LaunchTemplate")
	data_ := object.get(lib.values(t), "LaunchTemplateData", null)
	is_object(data_)
	not lib.is_unknown(data_)
	some r in cfn_findings(t, data_)
}

deny contains r if {
	lib.is_cloudformation
	some t in lib.managed("AWS::AutoScaling::LaunchConfiguration")
	some r in cfn_findings(t, lib.values(t))
}

cfn_findings(t, o) := {lib_iam.block_result(t, o, sprintf("%s has no MetadataOptions, so IMDSv1 stays enabled (set HttpTokens: required)", [lib.describe(t)]))} if {
	lib_iam.absent(o, "MetadataOptions")
} else := {lib_iam.block_result(t, mo, sprintf("%s allows IMDSv1: %s", [lib.describe(t), shown(mo, "MetadataOptions.HttpTokens", "HttpTokens")]))} if {
	mo := o.MetadataOptions
	is_object(mo)
	not lib.is_unknown(mo)
	not endpoint_disabled(mo, "HttpEndpoint")
	cfn_tokens_optional(mo)
} else := set()

cfn_tokens_optional(mo) if lib_iam.lower_in(mo.HttpTokens, {"optional"})

cfn_tokens_optional(mo) if lib_iam.absent(mo, "HttpTokens")
