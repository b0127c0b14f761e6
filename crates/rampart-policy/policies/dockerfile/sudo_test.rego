package rampart.dockerfile.sudo

run(v) := {"cmd": "run", "value": [v], "stage": 0, "__line__": 2, "__end_line__": 2}

test_sudo_is_denied if {
	r := deny with input as {"instructions": [run("sudo apt-get update && sudo apt-get install -y git")]}
	count(r) == 2
}

test_installing_a_package_named_sudo_is_not_running_it if {
	count(deny) == 0 with input as {"instructions": [run("apt-get install -y sudo-ldap && echo pseudo")]}
}
