# METADATA
# id: compose-secret-in-environment
# title: Compose service has a hard-coded secret in its environment
# severity: high
# kinds: [compose]
# description: >-
#   A service's `environment` (map form `KEY: value` or list form `KEY=value`) sets a variable
#   whose name says it holds a credential (password, secret, token, API or private key) to a
#   literal value. The value is then committed with the Compose file, visible to everyone with
#   read access to the repository, and readable by anyone who can run `docker inspect`.
#   Interpolated values (`${DB_PASSWORD}`), variables without a value (taken from the shell) and
#   `*_FILE` variables that point at a Docker secret are not reported.
# remediation: >-
#   Take the value from the environment or an untracked `.env` file
#   (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}`), or better use Compose secrets:
#   `secrets: [db_password]` on the service, `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`,
#   and a top-level `secrets: {db_password: {file: ./secrets/db_password.txt}}` kept out of git.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#environment
#   - https://docs.docker.com/compose/how-tos/use-secrets/
#   - https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/
package rampart.compose.secret_in_environment

import data.rampart.compose.lib

# Values that are switches, not credentials (`MYSQL_RANDOM_ROOT_PASSWORD: "yes"`).
switch_values := {"", "true", "false", "yes", "no", "on", "off", "0", "1", "none", "null"}

literal_secret(value) if {
	v := lib.literal(value)
	not lower(trim_space(v)) in switch_values
	not startswith(v, "/run/secrets/")
}

deny contains r if {
	some name, svc in lib.services
	some e in lib.env_vars(svc)
	lib.secret_name(e.name)
	literal_secret(e.value)
	r := lib.result(e.at, sprintf("service %q sets %s to a literal value in its environment", [name, e.name]))
}
