package rampart.compose.secret_in_environment

import data.rampart.compose.testlib as t

test_literal_secrets_in_map_form_are_denied if {
	r := deny with input as t.compose({"db": t.hardened(4, {"environment": {
		"__line__": 8, "__end_line__": 11,
		"POSTGRES_USER": "shop",
		"POSTGRES_PASSWORD": "s3cr3t-Passw0rd",
		"API_TOKEN": 123456789,
	}})})
	count(r) == 2
	{x.line | some x in r} == {8}
}

test_literal_secrets_in_list_form_are_denied if {
	r := deny with input as t.compose({"api": t.hardened(20, {"environment": [
		"NODE_ENV=production",
		"JWT_SECRET=9f8e7d6c5b4a",
		"STRIPE_API_KEY=sk_test_abc",
		"DATABASE_URL=postgres://db:5432/shop",
	]})})
	count(r) == 2
	some x in r
	x.line == 20
	x.msg == "service \"api\" sets JWT_SECRET to a literal value in its environment"
}

test_interpolated_and_file_secrets_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"db": t.hardened(4, {"environment": {
			"__line__": 8, "__end_line__": 12,
			"POSTGRES_PASSWORD": "${POSTGRES_PASSWORD:?required}",
			"POSTGRES_PASSWORD_FILE": "/run/secrets/db_password",
			"MYSQL_RANDOM_ROOT_PASSWORD": "yes",
			"REDIS_PASSWORD": null,
		}}),
		"api": t.hardened(20, {"environment": ["JWT_SECRET", "API_KEY=$API_KEY", "SESSION_SECRET=${SESSION_SECRET}", "TOKEN_TTL=3600"]}),
	})
}
