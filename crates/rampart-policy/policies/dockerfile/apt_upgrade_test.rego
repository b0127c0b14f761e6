package rampart.dockerfile.apt_upgrade

run(v) := {"cmd": "run", "value": [v], "stage": 0, "__line__": 2, "__end_line__": 2}

test_upgrades_are_denied if {
	count(deny) == 2 with input as {"instructions": [run("apt-get update && apt-get -y dist-upgrade && apk upgrade --no-cache")]}
}

test_targeted_upgrade_is_allowed if {
	count(deny) == 0 with input as {"instructions": [run("apt-get install -y --only-upgrade openssl && pip install --upgrade pip")]}
}
