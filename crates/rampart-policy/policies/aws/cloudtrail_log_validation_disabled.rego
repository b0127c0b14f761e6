# METADATA
# id: aws-cloudtrail-log-validation-disabled
# title: CloudTrail log file integrity validation is off
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::CloudTrail::Trail", aws_cloudtrail]
# description: >-
#   The trail does not enable log file integrity validation (`enable_log_file_validation` is
#   false or not set, the default). Without the signed digest files, nobody can prove that log
#   files were not modified or deleted after delivery, which is exactly what an intruder covering
#   their tracks would do.
# remediation: >-
#   Set `enable_log_file_validation = true` (CloudFormation `EnableLogFileValidation: true`) and
#   check digests with `aws cloudtrail validate-logs` during investigations.
# references:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# frameworks: [CIS-AWS-3.2]
package rampart.aws.cloudtrail_log_validation_disabled

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in lib.managed("aws_cloudtrail")
	v := lib.values(t)
	off(v, "enable_log_file_validation")
	r := lib.attr_result(t, v, "enable_log_file_validation", sprintf("%s does not validate log file integrity (enable_log_file_validation is not true)", [lib.describe(t)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in lib.managed("AWS::CloudTrail::Trail")
	v := lib.values(t)
	off(v, "EnableLogFileValidation")
	r := lib.result(t, sprintf("%s does not validate log file integrity (EnableLogFileValidation is not true)", [lib.describe(t)]))
}

off(v, key) if lib_iam.absent(v, key)

off(v, key) if lib.is_false(v[key])
