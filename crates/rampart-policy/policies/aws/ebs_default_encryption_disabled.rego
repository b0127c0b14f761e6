# METADATA
# id: aws-ebs-default-encryption-disabled
# title: EBS encryption by default is turned off
# severity: medium
# kinds: [terraform]
# resource_types: [aws_ebs_encryption_by_default]
# description: >-
#   An `aws_ebs_encryption_by_default` resource sets `enabled = false`, turning off the
#   account-and-region setting that makes EC2 encrypt every new EBS volume and snapshot copy.
#   With it off, every volume, launch template and Auto Scaling group must remember to ask for
#   encryption itself, and any one that forgets stores its data and snapshots unencrypted.
# remediation: >-
#   Set `enabled = true` (the default of this resource), and optionally choose the default key
#   with `aws_ebs_default_kms_key`.
# references:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default
package rampart.aws.ebs_default_encryption_disabled

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some d in lib.managed("aws_ebs_encryption_by_default")
	v := lib.values(d)
	lib.is_false(object.get(v, "enabled", true))
	r := lib.attr_result(d, v, "enabled", sprintf("%s turns EBS encryption by default off", [lib.describe(d)]))
}
