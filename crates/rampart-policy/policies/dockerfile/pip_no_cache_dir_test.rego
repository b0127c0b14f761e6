package rampart.dockerfile.pip_no_cache_dir

run(v, flags) := {"cmd": "run", "value": [v], "flags": flags, "stage": 0, "__line__": 2, "__end_line__": 2}

test_pip_install_is_denied if {
	count(deny) == 2 with input as {"instructions": [run("pip install -r requirements.txt && python3 -m pip install gunicorn", {})]}
}

test_no_cache_dir_env_and_mount_are_allowed if {
	count(deny) == 0 with input as {"instructions": [run("pip3 install --no-cache-dir flask", {}), run("pip install flask", {"mount": ["type=cache,target=/root/.cache/pip"]})]}
	count(deny) == 0 with input as {"instructions": [{"cmd": "env", "env": {"PIP_NO_CACHE_DIR": "1"}, "__line__": 1, "__end_line__": 1}, run("pip install flask", {})]}
}
