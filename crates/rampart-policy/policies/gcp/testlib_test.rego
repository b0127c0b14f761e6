# Input builders for the GCP policy tests (no test_ rules here).
package rampart.gcp.testlib

# A Terraform document holding `resources`.
doc(resources) := {"kind": "terraform", "resources": resources}

# A managed resource spanning lines [line, line + 20] of main.tf; `values` as evaluated (nested
# blocks as arrays of objects, `__spans__` supplied by the caller where a test needs them).
res(type, name, line, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"ref": sprintf("%s.%s", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"module": "",
	"file": "main.tf",
	"__line__": line,
	"__end_line__": line + 20,
	"values": object.union({"__line__": line, "__end_line__": line + 20}, values),
}

# A data source.
datasrc(type, name, line, values) := object.union(res(type, name, line, values), {
	"address": sprintf("data.%s.%s", [type, name]),
	"ref": sprintf("data.%s.%s", [type, name]),
	"mode": "data",
})

# A nested block starting at `line`.
blk(line, values) := object.union({"__line__": line, "__end_line__": line + 3}, values)

# An unknown value.
unknown(text, refs) := {"__unknown__": text, "__refs__": refs}
