package rampart.aws.dynamodb_table_no_cmk

import data.rampart.aws.lib_data as t

test_tables_without_cmk_are_denied if {
	a := t.tf_res("aws_dynamodb_table", "orders", 1, {"name": "orders"})
	b := t.tf_res("aws_dynamodb_table", "carts", 20, {"name": "carts", "server_side_encryption": [t.block(25, {"enabled": true})]})
	c := t.tf_res("aws_dynamodb_table", "aliased", 40, {"name": "aliased", "server_side_encryption": [t.block(45, {"enabled": true, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb"})]})
	r := deny with input as t.tf([a, b, c])
	count(r) == 3
	a2 := t.cfn_res("AWS::DynamoDB::Table", "Orders", 5, {"SSESpecification": t.block(8, {"SSEEnabled": true})})
	count(deny) == 1 with input as t.cfn([a2])
}

test_tables_with_cmk_are_allowed if {
	a := t.tf_res("aws_dynamodb_table", "orders", 1, {"name": "orders", "server_side_encryption": [t.block(5, {"enabled": true, "kms_key_arn": t.unknown("aws_kms_key.dynamodb.arn", ["aws_kms_key.dynamodb"])})]})
	b := t.tf_res("aws_dynamodb_table", "maybe", 20, {"name": "maybe", "server_side_encryption": [t.block(25, {"enabled": t.unknown("var.sse", []), "kms_key_arn": t.unknown("var.key", [])})]})
	count(deny) == 0 with input as t.tf([a, b])
	sse := t.block(8, {"SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": t.cfn_ref("TableKey")})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::DynamoDB::Table", "Orders", 5, {"SSESpecification": sse})])
}
