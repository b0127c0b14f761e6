# METADATA
# id: aws-ec2-block-device-unencrypted
# title: EC2 instance or launch template volume is not encrypted
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", aws_instance, aws_launch_configuration, aws_launch_template]
# description: >-
#   A block device of an EC2 instance, launch template or launch configuration does not ask
#   for encryption: `root_block_device` or `ebs_block_device` of `aws_instance` and
#   `aws_launch_configuration`, `block_device_mappings.ebs` of `aws_launch_template`, and
#   `BlockDeviceMappings[].Ebs` of `AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate` and
#   `AWS::AutoScaling::LaunchConfiguration`, with `encrypted` false or unset. An `aws_instance`
#   with no `root_block_device` at all is flagged too: its root volume is encrypted only if the
#   AMI's snapshot is. Devices created from an explicit snapshot inherit its encryption and are
#   not flagged, and nothing is flagged when the module enables EBS encryption by default.
# remediation: >-
#   Add `encrypted = true` (and `kms_key_id` for a customer-managed key) to every
#   `root_block_device`, `ebs_block_device` and launch template `ebs` block (CloudFormation
#   `Ebs: {Encrypted: true}`), or enable encryption by default for the account and region with
#   `aws_ebs_encryption_by_default`.
# references:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#block-devices
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-launchtemplate-ebs.html
package rampart.aws.ec2_block_device_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# Block `b` does not ask for encryption: `encrypted` false, or unset with no key and no snapshot.
unencrypted(b, flag, key, snapshot) if lib.is_false(object.get(b, flag, null))

unencrypted(b, flag, key, snapshot) if {
	lib_data.absent(b, flag)
	not lib_data.given(b, key)
	not lib_data.given(b, snapshot)
}

tf_devices contains [r, b, kind] if {
	some t in {"aws_instance", "aws_launch_configuration"}
	some r in lib.managed(t)
	some kind in {"root_block_device", "ebs_block_device"}
	some b in lib.blocks(lib.values(r), kind)
}

tf_devices contains [r, e, "block_device_mappings.ebs"] if {
	some r in lib.managed("aws_launch_template")
	some m in lib.blocks(lib.values(r), "block_device_mappings")
	some e in lib.blocks(m, "ebs")
}

deny contains r if {
	lib.is_terraform
	not lib_data.ebs_default_encryption
	some [res, b, kind] in tf_devices
	unencrypted(b, "encrypted", "kms_key_id", "snapshot_id")
	r := lib.attr_result(res, b, "encrypted", sprintf("%s: %s is not encrypted", [lib.describe(res), kind]))
}

deny contains r if {
	lib.is_terraform
	not lib_data.ebs_default_encryption
	some res in lib.managed("aws_instance")
	v := lib.values(res)
	lib_data.absent(v, "root_block_device")
	lib_data.absent(v, "launch_template")
	r := lib.result(res, sprintf("%s has no root_block_device with encrypted = true, so its root volume is encrypted only if the AMI is", [lib.describe(res)]))
}

cfn_mappings contains [res, lib.values(res).BlockDeviceMappings] if {
	some t in {"AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration"}
	some res in lib.managed(t)
}

cfn_mappings contains [res, lib.values(res).LaunchTemplateData.BlockDeviceMappings] if {
	some res in lib.managed("AWS::EC2::LaunchTemplate")
}

deny contains r if {
	lib.is_cloudformation
	some [res, mappings] in cfn_mappings
	is_array(mappings)
	some m in mappings
	e := m.Ebs
	is_object(e)
	not lib.is_unknown(e)
	unencrypted(e, "Encrypted", "KmsKeyId", "SnapshotId")
	r := lib.attr_result(res, e, "Encrypted", sprintf("%s: the EBS volume %s is not encrypted", [lib.describe(res), object.get(m, "DeviceName", "")]))
}
