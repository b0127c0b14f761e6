package rampart.dockerfile.curl_pipe_shell

run(v, heredocs) := {"cmd": "run", "value": v, "heredocs": heredocs, "stage": 0, "__line__": 2, "__end_line__": 2}

test_curl_and_wget_pipes_are_denied if {
	count(deny) == 1 with input as {"instructions": [run(["curl -fsSL https://get.example.com | sh"], [])]}
	count(deny) == 1 with input as {"instructions": [run(["apt-get update && wget -qO- https://x.io/i.sh | sudo bash -s -- -y"], [])]}
}

test_pipe_in_heredoc_is_denied if {
	count(deny) == 1 with input as {"instructions": [run(["<<EOF"], [{"delimiter": "EOF", "body": "set -e\ncurl -sSL https://x.io/install | /bin/bash\n", "__line__": 3, "__end_line__": 5}])]}
}

test_download_then_verify_is_allowed if {
	count(deny) == 0 with input as {"instructions": [run(["curl -fsSLo i.sh https://x.io/i.sh && sha256sum -c sums && sh i.sh"], [])]}
	count(deny) == 0 with input as {"instructions": [run(["curl -fsSL https://x.io/k.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg"], [])]}
}
