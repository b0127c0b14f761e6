package rampart.gcp.instance_oslogin_disabled

import data.rampart.gcp.testlib as t

test_oslogin_off_is_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_instance", "bastion", 1, {"name": "bastion", "metadata": {"enable-oslogin": "FALSE", "ssh-keys": "ops:ssh-ed25519 AAAA ops"}, "__spans__": {"metadata": [9, 12]}}),
		t.res("google_compute_instance_template", "web", 30, {"metadata": {"enable-oslogin": "false"}, "__spans__": {"metadata": [33, 35]}}),
		t.res("google_compute_region_instance_template", "batch", 50, {"metadata": {"enable-oslogin": false}}),
		t.res("google_compute_project_metadata_item", "oslogin", 80, {"key": "enable-oslogin", "value": "FALSE", "__spans__": {"value": [82, 82]}}),
	])
	count(r) == 4
	{x.line | some x in r} == {9, 33, 50, 82}
}

test_oslogin_on_or_default_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_instance", "app", 1, {"name": "app", "metadata": {"enable-oslogin": "TRUE", "block-project-ssh-keys": "true"}}),
		t.res("google_compute_instance", "plain", 30, {"name": "plain"}),
		t.res("google_compute_instance", "merged", 60, {"name": "merged", "metadata": t.unknown("merge(local.meta, var.meta)", [])}),
		t.res("google_compute_instance", "var", 90, {"name": "var", "metadata": {"enable-oslogin": t.unknown("var.oslogin", [])}}),
		t.res("google_compute_project_metadata_item", "oslogin", 120, {"key": "enable-oslogin", "value": "TRUE"}),
		t.res("google_compute_project_metadata_item", "serial", 140, {"key": "serial-port-enable", "value": "FALSE"}),
	])
}
