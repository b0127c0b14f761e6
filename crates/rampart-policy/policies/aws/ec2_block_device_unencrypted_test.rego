package rampart.aws.ec2_block_device_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_instance_devices_are_denied if {
	web := t.tf_res("aws_instance", "web", 1, {
		"ami": "ami-0123456789abcdef0",
		"root_block_device": [t.block(4, {"volume_size": 20})],
		"ebs_block_device": [
			t.block(8, {"device_name": "/dev/sdf", "volume_size": 100, "encrypted": false, "__spans__": {"encrypted": [10, 10]}}),
			t.block(12, {"device_name": "/dev/sdg", "snapshot_id": "snap-0123456789abcdef0"}),
		],
	})
	bare := t.tf_res("aws_instance", "bare", 30, {"ami": "ami-0123456789abcdef0"})
	r := deny with input as t.tf([web, bare])
	count(r) == 3
	{x.line | some x in r} == {4, 10, 30}
}

test_unencrypted_launch_template_is_denied if {
	lt := t.tf_res("aws_launch_template", "app", 1, {"block_device_mappings": [t.block(3, {"device_name": "/dev/xvda", "ebs": [t.block(5, {"volume_size": 30, "encrypted": "false", "__spans__": {"encrypted": [7, 7]}})]})]})
	r := deny with input as t.tf([lt])
	count(r) == 1
	[x.line | some x in r] == [7]
}

test_cloudformation_unencrypted_devices_are_denied if {
	i := t.cfn_res("AWS::EC2::Instance", "Web", 5, {"ImageId": "ami-0123456789abcdef0", "BlockDeviceMappings": [t.block(9, {"DeviceName": "/dev/xvda", "Ebs": t.block(11, {"VolumeSize": 20})})]})
	lt := t.cfn_res("AWS::EC2::LaunchTemplate", "Tpl", 30, {"LaunchTemplateData": t.block(32, {"BlockDeviceMappings": [t.block(33, {"DeviceName": "/dev/xvda", "Ebs": t.block(35, {"VolumeSize": 20, "Encrypted": false})})]})})
	r := deny with input as t.cfn([i, lt])
	count(r) == 2
	{x.line | some x in r} == {11, 35}
}

test_encrypted_devices_are_allowed if {
	web := t.tf_res("aws_instance", "web", 1, {
		"root_block_device": [t.block(4, {"volume_size": 20, "encrypted": true})],
		"ebs_block_device": [t.block(8, {"device_name": "/dev/sdf", "encrypted": true, "kms_key_id": t.unknown("aws_kms_key.ebs.arn", ["aws_kms_key.ebs"])})],
	})
	from_template := t.tf_res("aws_instance", "worker", 20, {"launch_template": [t.block(22, {"id": t.unknown("aws_launch_template.app.id", ["aws_launch_template.app"])})]})
	lt := t.tf_res("aws_launch_template", "app", 40, {"block_device_mappings": [t.block(42, {"ebs": [t.block(44, {"encrypted": "true"})]})]})
	unknown := t.tf_res("aws_instance", "maybe", 60, {"root_block_device": [t.block(62, {"encrypted": t.unknown("var.encrypt", [])})]})
	count(deny) == 0 with input as t.tf([web, from_template, lt, unknown])
	i := t.cfn_res("AWS::EC2::Instance", "Web", 5, {"BlockDeviceMappings": [t.block(9, {"DeviceName": "/dev/xvda", "Ebs": t.block(11, {"VolumeSize": 20, "Encrypted": "true"})}), t.block(14, {"DeviceName": "/dev/sdb", "VirtualName": "ephemeral0"})]})
	count(deny) == 0 with input as t.cfn([i])
}

test_default_encryption_covers_devices if {
	bare := t.tf_res("aws_instance", "bare", 1, {"ami": "ami-0123456789abcdef0"})
	d := t.tf_res("aws_ebs_encryption_by_default", "this", 20, {})
	count(deny) == 0 with input as t.tf([bare, d])
}
