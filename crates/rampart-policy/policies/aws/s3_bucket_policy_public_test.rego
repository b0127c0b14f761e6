package rampart.aws.s3_bucket_policy_public

import data.rampart.aws.lib_data as t

public_json := `{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-site/*"}]}`

test_public_json_policy_is_denied if {
	p := t.tf_res("aws_s3_bucket_policy", "site", 10, {"bucket": t.tf_ref("aws_s3_bucket.site"), "policy": public_json, "__spans__": {"policy": [12, 20]}})
	r := deny with input as t.tf([p])
	count(r) == 1
	[x.line | some x in r] == [12]
}

test_public_policy_document_is_denied if {
	d := t.tf_data("aws_iam_policy_document", "public", 1, {"statement": [t.block(2, {
		"actions": ["s3:GetObject"],
		"resources": ["arn:aws:s3:::acme-site/*"],
		"principals": [t.block(5, {"type": "AWS", "identifiers": ["*"]})],
	})]})
	p := t.tf_res("aws_s3_bucket_policy", "site", 20, {"bucket": "acme-site", "policy": t.unknown("data.aws_iam_policy_document.public.json", ["data.aws_iam_policy_document.public"])})
	r := deny with input as t.tf([d, p])
	count(r) == 1
	[x.line | some x in r] == [20]
}

test_cloudformation_public_policy_is_denied if {
	doc := t.block(8, {"Statement": [t.block(9, {"Effect": "Allow", "Principal": t.block(10, {"AWS": "*"}), "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::acme-site/*"})]})
	p := t.cfn_res("AWS::S3::BucketPolicy", "SitePolicy", 5, {"Bucket": t.cfn_ref("Site"), "PolicyDocument": doc})
	r := deny with input as t.cfn([p])
	count(r) == 1
}

test_restricted_policies_are_allowed if {
	conditioned := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}`
	named := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/reader"},"Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`
	a := t.tf_res("aws_s3_bucket_policy", "a", 1, {"bucket": "acme-a", "policy": conditioned})
	b := t.tf_res("aws_s3_bucket_policy", "b", 20, {"bucket": "acme-b", "policy": named})
	c := t.tf_res("aws_s3_bucket_policy", "c", 40, {"bucket": "acme-c", "policy": t.unknown("file(\"policy.json\")", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	doc := t.block(8, {"Statement": [t.block(9, {"Effect": "Allow", "Principal": t.block(10, {"Service": "cloudfront.amazonaws.com"}), "Action": "s3:GetObject", "Resource": "*", "Condition": t.block(12, {"StringEquals": t.block(13, {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1"})})})]})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::S3::BucketPolicy", "P", 5, {"Bucket": t.cfn_ref("Site"), "PolicyDocument": doc})])
}
