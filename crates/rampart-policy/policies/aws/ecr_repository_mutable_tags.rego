# METADATA
# id: aws-ecr-repository-mutable-tags
# title: ECR repository allows image tags to be overwritten
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ECR::Repository", aws_ecr_repository]
# description: >-
#   An `aws_ecr_repository` leaves `image_tag_mutability` at its default `MUTABLE` (or sets
#   `MUTABLE_WITH_EXCLUSION`); CloudFormation `AWS::ECR::Repository` the same with
#   `ImageTagMutability`. Anyone who can push can then replace the image behind an existing tag
#   such as `v1.4.2`, so deployments that pull by tag run different code than was reviewed and
#   scanned, which is a classic way to slip a backdoor into a supply chain and makes rollbacks
#   unreliable.
# remediation: >-
#   Set `image_tag_mutability = "IMMUTABLE"` (CloudFormation `ImageTagMutability: IMMUTABLE`),
#   or `IMMUTABLE_WITH_EXCLUSION` with an exclusion filter for moving tags such as `latest`;
#   deploy by digest where possible.
# references:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#image_tag_mutability
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecr-repository.html
package rampart.aws.ecr_repository_mutable_tags

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

mutable(v, key) if lib_data.absent(v, key)

mutable(v, key) if {
	is_string(v[key])
	startswith(upper(v[key]), "MUTABLE")
}

deny contains r if {
	lib.is_terraform
	some repo in lib.managed("aws_ecr_repository")
	v := lib.values(repo)
	mutable(v, "image_tag_mutability")
	r := lib.attr_result(repo, v, "image_tag_mutability", sprintf("%s allows image tags to be overwritten (image_tag_mutability is not IMMUTABLE)", [lib.describe(repo)]))
}

deny contains r if {
	lib.is_cloudformation
	some repo in lib.managed("AWS::ECR::Repository")
	mutable(lib.values(repo), "ImageTagMutability")
	r := lib.result(repo, sprintf("%s allows image tags to be overwritten (ImageTagMutability is not IMMUTABLE)", [lib.describe(repo)]))
}
