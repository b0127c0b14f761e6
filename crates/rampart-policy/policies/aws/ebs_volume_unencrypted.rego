# METADATA
# id: aws-ebs-volume-unencrypted
# title: EBS volume is not encrypted
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::Volume", aws_ebs_encryption_by_default, aws_ebs_volume]
# description: >-
#   An `aws_ebs_volume` (CloudFormation `AWS::EC2::Volume`) leaves `encrypted` false or unset,
#   and the module does not turn on EBS encryption by default for the region. The volume, its
#   snapshots and every volume later created from them are then stored unencrypted, snapshots
#   can be shared with other accounts in clear, and encryption cannot be turned on in place
#   later (it takes a snapshot copy and a new volume). Volumes restored from a snapshot without
#   an explicit setting inherit the snapshot's encryption and are not flagged.
# remediation: >-
#   Set `encrypted = true` (and `kms_key_id = aws_kms_key.ebs.arn` for a customer-managed key;
#   CloudFormation `Encrypted: true`, `KmsKeyId`), or enable encryption by default for the
#   account and region with `resource "aws_ebs_encryption_by_default" "this" { enabled = true }`.
# references:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-volume.html
package rampart.aws.ebs_volume_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	not lib_data.ebs_default_encryption
	some vol in lib.managed("aws_ebs_volume")
	v := lib.values(vol)
	lib.is_false(object.get(v, "encrypted", false))
	not inherits(v, "encrypted", "snapshot_id")
	r := lib.attr_result(vol, v, "encrypted", sprintf("%s is not encrypted", [lib.describe(vol)]))
}

deny contains r if {
	lib.is_cloudformation
	some vol in lib.managed("AWS::EC2::Volume")
	v := lib.values(vol)
	lib.is_false(object.get(v, "Encrypted", false))
	not inherits(v, "Encrypted", "SnapshotId")
	r := lib.result(vol, sprintf("%s is not encrypted", [lib.describe(vol)]))
}

# Created from a snapshot with no explicit setting: the snapshot decides.
inherits(v, flag, snapshot) if {
	lib_data.absent(v, flag)
	lib_data.given(v, snapshot)
}
