package rampart.gcp.instance_serial_port

import data.rampart.gcp.testlib as t

test_serial_port_enabled_is_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_instance", "bastion", 1, {"name": "bastion", "metadata": {"serial-port-enable": "TRUE", "enable-oslogin": "TRUE"}, "__spans__": {"metadata": [9, 12]}}),
		t.res("google_compute_instance_template", "tpl", 30, {"metadata": {"serial-port-enable": true}, "__spans__": {"metadata": [33, 35]}}),
		t.res("google_compute_project_metadata_item", "serial", 60, {"key": "serial-port-enable", "value": "1", "__spans__": {"value": [62, 62]}}),
	])
	count(r) == 3
	{x.line | some x in r} == {9, 33, 62}
}

test_serial_port_disabled_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_instance", "app", 1, {"name": "app", "metadata": {"serial-port-enable": "false", "block-project-ssh-keys": "true"}}),
		t.res("google_compute_instance", "plain", 30, {"name": "plain"}),
		t.res("google_compute_instance", "merged", 60, {"name": "merged", "metadata": t.unknown("merge(local.meta, var.meta)", [])}),
		t.res("google_compute_project_metadata_item", "oslogin", 90, {"key": "enable-oslogin", "value": "TRUE"}),
	])
}
