# METADATA
# id: aws-cloudtrail-not-kms-encrypted
# title: CloudTrail logs are not encrypted with a KMS key
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::CloudTrail::Trail", aws_cloudtrail]
# description: >-
#   The trail has no `kms_key_id` (CloudFormation `KMSKeyId`), so log files are protected only by
#   S3-managed encryption: anyone who can read the bucket can read the account's whole API
#   history. With SSE-KMS, reading the logs also needs `kms:Decrypt` on a key whose policy you
#   control, and every decryption is itself logged.
# remediation: >-
#   Create a customer managed key whose policy lets CloudTrail encrypt, and set
#   `kms_key_id = aws_kms_key.cloudtrail.arn` (CloudFormation `KMSKeyId: !GetAtt TrailKey.Arn`).
# references:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#kms_key_id
# frameworks: [CIS-AWS-3.7]
package rampart.aws.cloudtrail_not_kms_encrypted

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in lib.managed("aws_cloudtrail")
	v := lib.values(t)
	unset(v, "kms_key_id")
	r := lib.result(t, sprintf("%s does not encrypt its log files with a KMS key (no kms_key_id)", [lib.describe(t)]))
}

deny contains r if {
	lib.is_cloudformation
	some t in lib.managed("AWS::CloudTrail::Trail")
	v := lib.values(t)
	unset(v, "KMSKeyId")
	r := lib.result(t, sprintf("%s does not encrypt its log files with a KMS key (no KMSKeyId)", [lib.describe(t)]))
}

unset(v, key) if lib_iam.absent(v, key)

unset(v, key) if v[key] == ""
