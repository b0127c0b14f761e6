# METADATA
# id: dockerfile-add-remote-url
# title: ADD downloads from a URL
# severity: medium
# kinds: [dockerfile]
# description: >-
#   ADD fetches a remote URL into the image. Unless `--checksum` is given, nothing verifies what
#   was downloaded, so a changed or hijacked file is built in silently, and the download cannot
#   be cleaned up in the same layer. Medium: it is a supply-chain integrity gap. Git sources and
#   URLs pinned with `ADD --checksum=sha256:...` are not flagged.
# remediation: >-
#   Pin the content with `ADD --checksum=sha256:<hash> <url> <dest>`, or download in a RUN with
#   `curl -fsSLo file <url> && echo "<sha256>  file" | sha256sum -c -` and remove what is not
#   needed in the same step.
# references:
#   - https://docs.docker.com/reference/dockerfile/#add
#   - https://docs.docker.com/build/building/best-practices/#add-or-copy
# frameworks: [CIS-Docker-4.9]
package rampart.dockerfile.add_remote_url

deny contains result if {
	some ins in input.instructions
	ins.cmd == "add"
	object.get(object.get(ins, "flags", {}), "checksum", null) == null
	some src in object.get(ins, "sources", [])
	is_string(src)
	regex.match(`^(https?|ftp)://`, lower(src))
	not regex.match(`\.git(#.*)?$`, lower(src))
	result := {
		"msg": sprintf("ADD downloads %s without a checksum", [src]),
		"line": ins.__line__,
		"end_line": ins.__end_line__,
	}
}
