package rampart.gcp.instance_project_ssh_keys

import data.rampart.gcp.testlib as t

test_instances_accepting_project_keys_are_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_instance", "app", 1, {"name": "app"}),
		t.res("google_compute_instance", "meta", 30, {"name": "meta", "metadata": {"startup-script": "echo hi", "block-project-ssh-keys": "false"}, "__spans__": {"metadata": [35, 38]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 35}
}

test_blocked_or_os_login_instances_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_instance", "a", 1, {"name": "a", "metadata": {"block-project-ssh-keys": "TRUE"}}),
		t.res("google_compute_instance_template", "b", 30, {"metadata": {"enable-oslogin": "TRUE"}}),
		t.res("google_compute_instance", "c", 60, {"name": "c", "metadata": t.unknown("local.metadata", [])}),
		t.res("google_compute_instance", "d", 90, {"name": "d", "metadata": {"block-project-ssh-keys": t.unknown("var.block", [])}}),
	])
}

test_project_os_login_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_project_metadata_item", "oslogin", 1, {"key": "enable-oslogin", "value": "TRUE"}),
		t.res("google_compute_instance", "a", 10, {"name": "a"}),
	])
}
