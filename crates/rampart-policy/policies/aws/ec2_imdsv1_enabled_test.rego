package rampart.aws.ec2_imdsv1_enabled

import data.rampart.aws.lib_iam as t

test_optional_or_missing_tokens_are_denied if {
	a := t.tf_res("aws_instance", "web", 1, {"ami": "ami-123", "instance_type": "t3.micro"})
	b := t.tf_res("aws_instance", "worker", 20, {"ami": "ami-123", "metadata_options": [t.block(23, {"http_endpoint": "enabled", "http_tokens": "optional", "__spans__": {"http_tokens": [25, 25]}})]})
	lt := t.tf_res("aws_launch_template", "nodes", 40, {"metadata_options": [t.block(42, {"http_endpoint": "enabled"})]})
	r := deny with input as t.tf([a, b, lt])
	count(r) == 3
	{x.line | some x in r} == {1, 25, 42}
}

test_cloudformation_launch_templates_are_denied if {
	lt := t.cfn_res("AWS::EC2::LaunchTemplate", "Nodes", 5, {"LaunchTemplateData": t.block(8, {"ImageId": "ami-123"})})
	lt2 := t.cfn_res("AWS::EC2::LaunchTemplate", "Web", 30, {"LaunchTemplateData": t.block(32, {"MetadataOptions": t.block(34, {"HttpTokens": "optional"})})})
	ok := t.cfn_res("AWS::EC2::LaunchTemplate", "Ok", 50, {"LaunchTemplateData": t.block(52, {"MetadataOptions": t.block(54, {"HttpTokens": "required"})})})
	r := deny with input as t.cfn([lt, lt2, ok])
	count(r) == 2
	{x.line | some x in r} == {8, 34}
}

test_required_tokens_are_allowed if {
	a := t.tf_res("aws_instance", "web", 1, {"metadata_options": [t.block(3, {"http_tokens": "required"})]})
	b := t.tf_res("aws_instance", "off", 20, {"metadata_options": [t.block(23, {"http_endpoint": "disabled"})]})
	c := t.tf_res("aws_instance", "unknown", 40, {"metadata_options": [t.block(43, {"http_tokens": t.unknown("var.tokens", [])})]})
	d := t.tf_res("aws_instance", "from_template", 60, {"launch_template": [t.block(62, {"id": t.tf_ref("aws_launch_template.nodes")})]})
	count(deny) == 0 with input as t.tf([a, b, c, d])
}

test_account_default_covers_instances_without_options if {
	a := t.tf_res("aws_instance", "web", 1, {"ami": "ami-123"})
	dflt := t.tf_res("aws_ec2_instance_metadata_defaults", "this", 20, {"http_tokens": "required"})
	count(deny) == 0 with input as t.tf([a, dflt])
}
