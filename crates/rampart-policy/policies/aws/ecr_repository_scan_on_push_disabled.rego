# METADATA
# id: aws-ecr-repository-scan-on-push-disabled
# title: ECR repository does not scan images on push
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ECR::RegistryScanningConfiguration", "AWS::ECR::Repository", aws_ecr_registry_scanning_configuration, aws_ecr_repository]
# description: >-
#   An `aws_ecr_repository` has no `image_scanning_configuration { scan_on_push = true }`
#   (CloudFormation: `ImageScanningConfiguration.ScanOnPush` not true), and the module
#   configures no registry-level scanning (`aws_ecr_registry_scanning_configuration`,
#   `AWS::ECR::RegistryScanningConfiguration`), which replaces the per-repository setting when
#   present. Images with known vulnerable packages are then stored and deployed without anyone
#   being told.
# remediation: >-
#   Configure scanning for the whole registry, e.g. `resource
#   "aws_ecr_registry_scanning_configuration" "this" { scan_type = "ENHANCED" rule {
#   scan_frequency = "CONTINUOUS_SCAN" repository_filter { filter = "*" filter_type = "WILDCARD"
#   } } }`, or at least set `image_scanning_configuration { scan_on_push = true }` on the
#   repository (CloudFormation `ImageScanningConfiguration: {ScanOnPush: true}`).
# references:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#image_scanning_configuration
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_registry_scanning_configuration
package rampart.aws.ecr_repository_scan_on_push_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

registry_scanning if count(lib.managed("aws_ecr_registry_scanning_configuration")) > 0

registry_scanning if count(lib.managed("AWS::ECR::RegistryScanningConfiguration")) > 0

deny contains r if {
	lib.is_terraform
	not registry_scanning
	some repo in lib.managed("aws_ecr_repository")
	v := lib.values(repo)
	not lib.is_unknown(object.get(v, "image_scanning_configuration", null))
	c := lib_data.first_block(v, "image_scanning_configuration")
	lib.is_false(object.get(c, "scan_on_push", false))
	r := lib.attr_result(repo, c, "scan_on_push", sprintf("%s does not scan images on push", [lib.describe(repo)]))
}

deny contains r if {
	lib.is_cloudformation
	not registry_scanning
	some repo in lib.managed("AWS::ECR::Repository")
	c := object.get(lib.values(repo), "ImageScanningConfiguration", {})
	is_object(c)
	not lib.is_unknown(c)
	lib.is_false(object.get(c, "ScanOnPush", false))
	r := lib.result(repo, sprintf("%s does not scan images on push", [lib.describe(repo)]))
}
