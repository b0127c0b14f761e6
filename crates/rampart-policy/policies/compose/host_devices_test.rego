package rampart.compose.host_devices

import data.rampart.compose.testlib as t

test_device_mappings_are_denied if {
	r := deny with input as t.compose({
		"zigbee": t.hardened(4, {"devices": ["/dev/ttyUSB0:/dev/ttyACM0"]}),
		"forensics": t.hardened(20, {"devices": ["/dev/sda:/dev/xvda:rwm", "/dev/mem"]}),
	})
	count(r) == 3
	{x.line | some x in r} == {4, 20}
}

test_services_without_devices_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {}),
		"ml": t.hardened(20, {"deploy": {"__line__": 22, "__end_line__": 28, "resources": {"__line__": 23, "__end_line__": 28, "reservations": {"__line__": 24, "__end_line__": 28, "devices": [{"driver": "nvidia", "count": 1, "capabilities": ["gpu"], "__line__": 25, "__end_line__": 28}]}}}}),
	})
}
