package rampart.aws.dynamodb_pitr_disabled

import data.rampart.aws.lib_data as t

test_tables_without_pitr_are_denied if {
	a := t.tf_res("aws_dynamodb_table", "orders", 1, {"name": "orders", "hash_key": "id"})
	b := t.tf_res("aws_dynamodb_table", "carts", 20, {"name": "carts", "point_in_time_recovery": [t.block(25, {"enabled": false, "__spans__": {"enabled": [26, 26]}})]})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {1, 26}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::DynamoDB::Table", "Orders", 5, {"TableName": "orders"})])
}

test_tables_with_pitr_are_allowed if {
	a := t.tf_res("aws_dynamodb_table", "orders", 1, {"name": "orders", "point_in_time_recovery": [t.block(5, {"enabled": true})]})
	b := t.tf_res("aws_dynamodb_table", "maybe", 20, {"name": "maybe", "point_in_time_recovery": [t.block(25, {"enabled": t.unknown("var.pitr", [])})]})
	count(deny) == 0 with input as t.tf([a, b])
	spec := t.block(8, {"PointInTimeRecoveryEnabled": "true"})
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::DynamoDB::Table", "Orders", 5, {"PointInTimeRecoverySpecification": spec})])
}
