package rampart.dockerfile.expose_ssh

expose(ports) := {"cmd": "expose", "ports": ports, "stage": 0, "__line__": 4, "__end_line__": 4}

test_port_22_is_denied if {
	count(deny) == 1 with input as {"instructions": [expose(["80/tcp", "22/tcp"])]}
	count(deny) == 1 with input as {"instructions": [expose(["22"])]}
}

test_other_ports_are_allowed if {
	count(deny) == 0 with input as {"instructions": [expose(["8080/tcp", "2222", "220"])]}
}
