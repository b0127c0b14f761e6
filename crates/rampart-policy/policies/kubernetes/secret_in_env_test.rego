package rampart.kubernetes.secret_in_env

import data.rampart.kubernetes.testlib as t

env(name, value, line) := {"name": name, "value": value, "__line__": line, "__end_line__": line}

test_literal_secrets_are_denied if {
	r := deny with input as t.deployment({"containers": [t.container("a", 20, {"env": [env("DB_PASSWORD", "hunter2", 22), env("LOG_LEVEL", "info", 23), env("STRIPE_API_KEY", "sk_live_x", 24)]})]})
	count(r) == 2
	{x.line | some x in r} == {22, 24}
}

test_secret_refs_and_plain_vars_are_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("a", 20, {"env": [
		{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password", "__line__": 0, "__end_line__": 0}, "__line__": 0, "__end_line__": 0}, "__line__": 22, "__end_line__": 25},
		env("DB_PASSWORD_FILE", "/run/secrets/db", 26),
		env("TOKENIZERS_PARALLELISM", "false", 27),
	]})]})
}

test_switches_on_secret_names_are_allowed if {
	count(deny) == 0 with input as t.deployment({"containers": [t.container("db", 20, {"env": [
		env("MYSQL_RANDOM_ROOT_PASSWORD", "yes", 22),
		env("MYSQL_ALLOW_EMPTY_PASSWORD", "no", 23),
		env("REQUIRE_AUTH_TOKEN", "true", 24),
	]})]})
}
