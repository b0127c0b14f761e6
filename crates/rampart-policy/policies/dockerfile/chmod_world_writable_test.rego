package rampart.dockerfile.chmod_world_writable

run(v) := {"cmd": "run", "value": [v], "stage": 0, "__line__": 2, "__end_line__": 2}

test_world_writable_modes_are_denied if {
	count(deny) == 3 with input as {"instructions": [run("chmod 777 /app && chmod -R a+rwx /data && chmod o+w /etc/app.conf")]}
}

test_safe_modes_are_allowed if {
	count(deny) == 0 with input as {"instructions": [run("chmod 755 /app && chmod 1777 /tmp/x && chmod u+w f && chmod -R 644 /etc/app && chmod +x run.sh")]}
}
