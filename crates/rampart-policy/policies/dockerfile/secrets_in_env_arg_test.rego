package rampart.dockerfile.secrets_in_env_arg

env(kv, line) := {"cmd": "env", "env": kv, "stage": 0, "__line__": line, "__end_line__": line}

arg(name, dflt, line) := {"cmd": "arg", "arg": {"name": name, "default": dflt}, "__line__": line, "__end_line__": line}

test_env_and_arg_secrets_are_denied if {
	r := deny with input as {
		"args": [arg("GITHUB_TOKEN", "ghp_x", 1)],
		"instructions": [
			arg("GITHUB_TOKEN", "ghp_x", 1),
			env({"DB_PASSWORD": "hunter2", "APP_ENV": "prod"}, 3),
			env({"AWS_SECRET_ACCESS_KEY": "abc"}, 4),
			arg("npm_api_key", "k", 5),
		],
	}
	count(r) == 4
}

test_file_pointers_empty_values_and_plain_names_are_allowed if {
	count(deny) == 0 with input as {"instructions": [
		env({"POSTGRES_PASSWORD_FILE": "/run/secrets/pg", "PATH": "/usr/bin"}, 2),
		arg("NPM_TOKEN", null, 3),
		env({"API_KEY": ""}, 4),
		env({"TOKENIZERS_PARALLELISM": "false"}, 5),
	]}
}

test_switches_on_secret_names_are_allowed if {
	count(deny) == 0 with input as {"instructions": [
		env({"MYSQL_RANDOM_ROOT_PASSWORD": "yes", "MYSQL_ALLOW_EMPTY_PASSWORD": "No"}, 2),
		arg("USE_API_KEY", "1", 3),
	]}
}
