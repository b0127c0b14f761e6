package rampart.aws.ecr_repository_mutable_tags

import data.rampart.aws.lib_data as t

test_mutable_repositories_are_denied if {
	a := t.tf_res("aws_ecr_repository", "api", 1, {"name": "api"})
	b := t.tf_res("aws_ecr_repository", "web", 20, {"name": "web", "image_tag_mutability": "MUTABLE", "__spans__": {"image_tag_mutability": [22, 22]}})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 22}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::ECR::Repository", "Api", 5, {"RepositoryName": "api"})])
}

test_immutable_repositories_are_allowed if {
	a := t.tf_res("aws_ecr_repository", "api", 1, {"name": "api", "image_tag_mutability": "IMMUTABLE"})
	b := t.tf_res("aws_ecr_repository", "web", 20, {"name": "web", "image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})
	c := t.tf_res("aws_ecr_repository", "maybe", 40, {"name": "maybe", "image_tag_mutability": t.unknown("var.mutability", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::ECR::Repository", "Api", 5, {"ImageTagMutability": "IMMUTABLE"})])
}
