package rampart.aws.s3_bucket_public_access_block_disabled

import data.rampart.aws.lib_data as t

test_settings_off_are_denied if {
	explicit := t.tf_res("aws_s3_bucket_public_access_block", "a", 1, {
		"bucket": "acme-a", "block_public_acls": true, "block_public_policy": false,
		"ignore_public_acls": true, "restrict_public_buckets": true,
		"__spans__": {"block_public_policy": [4, 4]},
	})
	omitted := t.tf_res("aws_s3_bucket_public_access_block", "b", 20, {"bucket": "acme-b", "block_public_acls": true})
	r := deny with input as t.tf([explicit, omitted])
	count(r) == 2
	{x.line | some x in r} == {4, 20}
	some x in r
	x.line == 20
	contains(x.msg, "block_public_policy, ignore_public_acls, restrict_public_buckets")
}

test_account_block_off_is_denied if {
	acct := t.tf_res("aws_s3_account_public_access_block", "this", 1, {"block_public_acls": false, "block_public_policy": false})
	count(deny) == 1 with input as t.tf([acct])
}

test_cloudformation_setting_off_is_denied if {
	cfg := t.block(8, {"BlockPublicAcls": true, "BlockPublicPolicy": "false", "IgnorePublicAcls": true, "RestrictPublicBuckets": true})
	r := deny with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Site", 5, {"PublicAccessBlockConfiguration": cfg})])
	count(r) == 1
	[x.line | some x in r] == [8]
}

test_full_blocks_are_allowed if {
	full := t.tf_res("aws_s3_bucket_public_access_block", "a", 1, {
		"bucket": "acme-a", "block_public_acls": true, "block_public_policy": true,
		"ignore_public_acls": true, "restrict_public_buckets": t.unknown("var.restrict", []),
	})
	count(deny) == 0 with input as t.tf([full])
	cfg := t.block(8, {"BlockPublicAcls": "true", "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Data", 5, {"PublicAccessBlockConfiguration": cfg}), t.cfn_res("AWS::S3::Bucket", "Plain", 20, {})])
}
