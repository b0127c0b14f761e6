package rampart.gcp.instance_shielded_vm

import data.rampart.gcp.testlib as t

test_disabled_shielded_vm_is_denied if {
	r := deny with input as t.doc([
		t.res("google_compute_instance", "a", 1, {"name": "a", "shielded_instance_config": [t.blk(12, {"enable_secure_boot": false, "enable_vtpm": false, "enable_integrity_monitoring": false, "__spans__": {"enable_vtpm": [14, 14], "enable_integrity_monitoring": [15, 15]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {14, 15}
}

test_shielded_vm_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_compute_instance", "a", 1, {"name": "a", "shielded_instance_config": [t.blk(12, {"enable_secure_boot": true, "enable_vtpm": true, "enable_integrity_monitoring": true})]}),
		t.res("google_compute_instance", "b", 30, {"name": "b"}),
		t.res("google_compute_instance", "c", 60, {"name": "c", "shielded_instance_config": [t.blk(72, {"enable_vtpm": t.unknown("var.vtpm", [])})]}),
	])
}
