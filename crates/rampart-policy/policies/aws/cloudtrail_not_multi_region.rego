# METADATA
# id: aws-cloudtrail-not-multi-region
# title: CloudTrail trail records only one region
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::CloudTrail::Trail", aws_cloudtrail]
# description: >-
#   The trail is not a multi-region trail (`is_multi_region_trail` is false or not set, which is
#   the default), so API activity in every other region goes unrecorded. Attackers favour unused
#   regions to run resources unnoticed, and global service events are easily missed.
# remediation: >-
#   Set `is_multi_region_trail = true` (CloudFormation `IsMultiRegionTrail: true`), together with
#   `include_global_service_events = true`, on at least one trail per account or an organization
#   trail.
# references:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-trail.html
# frameworks: [CIS-AWS-3.1]
package rampart.aws.cloudtrail_not_multi_region

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in lib.managed("aws_cloudtrail")
	v := lib.values(t)
	off(v, "is_multi_region_trail")
	r := lib.attr_result(t, v, "is_multi_region_trail", sprintf("%s records only its own region (is_multi_region_trail is not true)", [lib.describe(t)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in lib.managed("AWS::CloudTrail::Trail")
	v := lib.values(t)
	off(v, "IsMultiRegionTrail")
	r := lib.result(t, sprintf("%s records only its own region (IsMultiRegionTrail is not true)", [lib.describe(t)]))
}

off(v, key) if lib_iam.absent(v, key)

off(v, key) if lib.is_false(v[key])
