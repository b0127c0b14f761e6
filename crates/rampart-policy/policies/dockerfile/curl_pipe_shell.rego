# METADATA
# id: dockerfile-curl-pipe-shell
# title: RUN pipes a download into a shell
# severity: high
# kinds: [dockerfile]
# description: >-
#   A RUN (or a heredoc it runs) downloads a script with curl or wget and pipes it straight into
#   a shell (`curl ... | sh`). Whatever the server returns at build time is executed as the
#   build user, usually root, with no integrity check; a compromised or spoofed server, or a
#   truncated download, becomes code in your image. High because it hands code execution in the
#   build to a third party.
# remediation: >-
#   Download to a file, verify it against a known checksum or signature, then run it:
#   `curl -fsSLo install.sh <url> && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`.
#   Prefer distribution packages or a pinned release artifact.
# references:
#   - https://docs.docker.com/build/building/best-practices/#using-pipes
#   - https://docs.docker.com/reference/dockerfile/#run
# frameworks: [CIS-Docker-4.9, SLSA]
package rampart.dockerfile.curl_pipe_shell

import data.rampart.dockerfile.lib

deny contains result if {
	some ins in lib.runs
	regex.match(`(^|[^A-Za-z0-9_-])(curl|wget)[ \t][^;&\n]*\|[ \t]*(sudo[ \t]+)?(/usr)?(/bin/)?(ba|z|da|k|a)?sh([ \t\n;&)]|$)`, lib.run_text(ins))
	result := {
		"msg": "RUN pipes a downloaded script into a shell without verifying it",
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
