package rampart.aws.ecr_repository_scan_on_push_disabled

import data.rampart.aws.lib_data as t

test_unscanned_repositories_are_denied if {
	a := t.tf_res("aws_ecr_repository", "api", 1, {"name": "api"})
	b := t.tf_res("aws_ecr_repository", "web", 20, {"name": "web", "image_scanning_configuration": [t.block(23, {"scan_on_push": false, "__spans__": {"scan_on_push": [24, 24]}})]})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 24}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::ECR::Repository", "Api", 5, {"RepositoryName": "api"})])
}

test_scanned_repositories_are_allowed if {
	a := t.tf_res("aws_ecr_repository", "api", 1, {"name": "api", "image_scanning_configuration": [t.block(3, {"scan_on_push": true})]})
	count(deny) == 0 with input as t.tf([a])
	b := t.tf_res("aws_ecr_repository", "web", 20, {"name": "web"})
	reg := t.tf_res("aws_ecr_registry_scanning_configuration", "this", 40, {"scan_type": "ENHANCED"})
	count(deny) == 0 with input as t.tf([b, reg])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::ECR::Repository", "Api", 5, {"ImageScanningConfiguration": t.block(7, {"ScanOnPush": "true"})})])
}
