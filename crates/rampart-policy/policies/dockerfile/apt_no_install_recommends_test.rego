package rampart.dockerfile.apt_no_install_recommends

run(v) := {"cmd": "run", "value": [v], "stage": 0, "__line__": 2, "__end_line__": 3}

test_plain_install_is_denied if {
	count(deny) == 1 with input as {"instructions": [run("apt-get update && apt-get install -y curl && apt-get -y install --no-install-recommends git")]}
}

test_install_without_recommends_is_allowed if {
	count(deny) == 0 with input as {"instructions": [run("apt-get update && apt-get install -y --no-install-recommends \\\n curl && rm -rf /var/lib/apt/lists/*")]}
	count(deny) == 0 with input as {"instructions": [run("pip install apt-install-helper")]}
}
