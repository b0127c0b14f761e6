package rampart.aws.s3_bucket_insecure_transport

import data.rampart.aws.lib_data as t

tls_json := `{"Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::acme-a","arn:aws:s3:::acme-a/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`

read_json := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/reader"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-b/*"}]}`

test_buckets_without_tls_deny_are_denied if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	b := t.tf_res("aws_s3_bucket", "b", 20, {"bucket": "acme-b"})
	c := t.tf_res("aws_s3_bucket", "c", 40, {"bucket": "acme-c"})
	pa := t.tf_res("aws_s3_bucket_policy", "a", 60, {"bucket": t.tf_ref("aws_s3_bucket.a"), "policy": tls_json})
	pb := t.tf_res("aws_s3_bucket_policy", "b", 70, {"bucket": t.tf_ref("aws_s3_bucket.b"), "policy": read_json})
	r := deny with input as t.tf([a, b, c, pa, pb])
	count(r) == 2
	{x.line | some x in r} == {20, 40}
}

test_cloudformation_bucket_without_tls_deny_is_denied if {
	a := t.cfn_res("AWS::S3::Bucket", "A", 5, {})
	b := t.cfn_res("AWS::S3::Bucket", "B", 20, {})
	doc := t.block(38, {"Statement": [t.block(39, {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": t.block(41, {"Bool": t.block(42, {"aws:SecureTransport": false})})})]})
	pa := t.cfn_res("AWS::S3::BucketPolicy", "APolicy", 35, {"Bucket": t.cfn_ref("A"), "PolicyDocument": doc})
	r := deny with input as t.cfn([a, b, pa])
	count(r) == 1
	[x.line | some x in r] == [20]
}

test_tls_only_buckets_are_allowed if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	d := t.tf_data("aws_iam_policy_document", "tls", 20, {"statement": [t.block(21, {
		"effect": "Deny",
		"actions": ["s3:*"],
		"principals": [t.block(24, {"type": "*", "identifiers": ["*"]})],
		"condition": [t.block(27, {"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]})],
	})]})
	p := t.tf_res("aws_s3_bucket_policy", "a", 40, {"bucket": "acme-a", "policy": t.unknown("data.aws_iam_policy_document.tls.json", ["data.aws_iam_policy_document.tls"])})
	count(deny) == 0 with input as t.tf([a, d, p])
}

test_unreadable_policies_are_not_decided if {
	a := t.tf_res("aws_s3_bucket", "a", 1, {"bucket": "acme-a"})
	p := t.tf_res("aws_s3_bucket_policy", "a", 40, {"bucket": t.tf_ref("aws_s3_bucket.a"), "policy": t.unknown("templatefile(\"policy.json.tpl\", {})", [])})
	count(deny) == 0 with input as t.tf([a, p])
	q := t.tf_res("aws_s3_bucket_policy", "x", 40, {"bucket": t.unknown("var.bucket", []), "policy": tls_json})
	count(deny) == 0 with input as t.tf([a, q])
}
