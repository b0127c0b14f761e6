# METADATA
# id: dockerfile-secret-in-env-or-arg
# title: Secret passed through ENV or ARG
# severity: high
# kinds: [dockerfile]
# description: >-
#   An ENV or ARG whose name looks like a credential (PASSWORD, SECRET, TOKEN, API_KEY,
#   PRIVATE_KEY, ACCESS_KEY, CREDENTIALS, ...) is given a value in the Dockerfile. ENV values are
#   stored in the image configuration and visible to anyone who can pull the image
#   (`docker inspect`); ARG values are recorded in the image history and build cache. High: the
#   credential leaks to everyone with access to the image. Names ending in _FILE, _PATH, _DIR,
#   _URL, _NAME or _USER (which point at a secret rather than hold it) and ARGs declared without a
#   default are not flagged.
# remediation: >-
#   Remove the value from the Dockerfile. For build-time secrets use a BuildKit secret mount:
#   `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` with
#   `docker build --secret id=npm_token,env=NPM_TOKEN .`; for run-time secrets inject them when
#   the container starts (orchestrator secrets, `docker run --env-file`, a mounted file). Rotate
#   any credential that was already committed or pushed in an image.
# references:
#   - https://docs.docker.com/build/building/secrets/
#   - https://docs.docker.com/reference/dockerfile/#arg
#   - https://docs.docker.com/reference/dockerfile/#env
# frameworks: [CIS-Docker-4.10]
package rampart.dockerfile.secrets_in_env_arg

import data.rampart.dockerfile.lib

all_instructions contains ins if some ins in input.instructions

all_instructions contains ins if some ins in object.get(input, "args", [])

deny contains result if {
	some ins in all_instructions
	ins.cmd == "env"
	some name, value in object.get(ins, "env", {})
	not startswith(name, "__")
	is_string(value)
	value != ""
	not lib.switch_value(value)
	lib.secret_name(name)
	result := {
		"msg": sprintf("ENV %s bakes a secret-looking value into the image configuration", [name]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}

deny contains result if {
	some ins in all_instructions
	ins.cmd == "arg"
	name := ins.arg.name
	dflt := object.get(ins.arg, "default", null)
	is_string(dflt)
	dflt != ""
	not lib.switch_value(dflt)
	lib.secret_name(name)
	result := {
		"msg": sprintf("ARG %s has a secret-looking default that is recorded in the image history; use RUN --mount=type=secret", [name]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
