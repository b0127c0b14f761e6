package rampart.aws.s3_bucket_public_acl

import data.rampart.aws.lib_data as t

test_public_canned_acls_are_denied if {
	legacy := t.tf_res("aws_s3_bucket", "site", 1, {"bucket": "acme-site", "acl": "public-read", "__spans__": {"acl": [3, 3]}})
	b := t.tf_res("aws_s3_bucket", "uploads", 20, {"bucket": "acme-uploads"})
	a := t.tf_res("aws_s3_bucket_acl", "uploads", 30, {"bucket": t.tf_ref("aws_s3_bucket.uploads"), "acl": "public-read-write", "__spans__": {"acl": [32, 32]}})
	r := deny with input as t.tf([legacy, b, a])
	count(r) == 2
	{x.line | some x in r} == {3, 32}
}

test_grant_to_all_users_is_denied if {
	a := t.tf_res("aws_s3_bucket_acl", "shared", 30, {"bucket": "acme-shared", "access_control_policy": [t.block(31, {
		"owner": [t.block(32, {"id": "abc"})],
		"grant": [
			t.block(34, {"permission": "READ", "grantee": [t.block(35, {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"})]}),
			t.block(40, {"permission": "FULL_CONTROL", "grantee": [t.block(41, {"type": "CanonicalUser", "id": "abc"})]}),
		],
	})]})
	r := deny with input as t.tf([a])
	count(r) == 1
	[x.line | some x in r] == [30]
}

test_cloudformation_public_access_control_is_denied if {
	b := t.cfn_res("AWS::S3::Bucket", "SiteBucket", 5, {"AccessControl": "PublicRead"})
	ok := t.cfn_res("AWS::S3::Bucket", "LogBucket", 20, {"AccessControl": "LogDeliveryWrite"})
	r := deny with input as t.cfn([b, ok])
	count(r) == 1
	[x.line | some x in r] == [5]
}

test_private_buckets_are_allowed if {
	b := t.tf_res("aws_s3_bucket", "data", 1, {"bucket": "acme-data"})
	a := t.tf_res("aws_s3_bucket_acl", "data", 20, {"bucket": t.tf_ref("aws_s3_bucket.data"), "acl": "private"})
	u := t.tf_res("aws_s3_bucket_acl", "other", 30, {"bucket": "x", "acl": t.unknown("var.acl", [])})
	count(deny) == 0 with input as t.tf([b, a, u])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::Bucket", "Data", 5, {"AccessControl": "Private"}), t.cfn_res("AWS::S3::Bucket", "Plain", 20, {})])
}
