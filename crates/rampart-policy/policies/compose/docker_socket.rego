# METADATA
# id: compose-docker-socket-mounted
# title: Compose service mounts the container runtime socket
# severity: critical
# kinds: [compose]
# description: >-
#   A service bind-mounts the Docker daemon socket (`/var/run/docker.sock`), or the containerd,
#   CRI-O or Podman socket, or the run directory that holds it, in short or long volume syntax.
#   Whoever can talk to that socket can start a privileged container with the host's root
#   filesystem mounted, so a compromise of this service is a compromise of the host; mounting it
#   read-only does not help, as the API is still reachable. Critical.
# remediation: >-
#   Do not mount the socket. If a tool really needs the Docker API (a CI runner, a reverse proxy
#   reading container labels), put a filtering proxy in front of it that allows only the calls
#   it needs, or use rootless Docker, and keep that service off public networks.
# references:
#   - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
#   - https://docs.docker.com/reference/compose-file/services/#volumes
#   - https://docs.docker.com/engine/security/protect-access/
package rampart.compose.docker_socket

import data.rampart.compose.lib

socket_suffixes := ["/docker.sock", "/containerd.sock", "/crio.sock", "/podman.sock", "/cri-dockerd.sock"]

# Directories whose mount exposes a runtime socket.
socket_dirs := {"/run", "/var/run", "/run/docker", "/var/run/docker", "/run/containerd", "/var/run/containerd", "/run/crio", "/var/run/crio", "/run/podman", "/var/run/podman"}

runtime_socket(path) if {
	some suffix in socket_suffixes
	endswith(path, suffix)
}

runtime_socket(path) if path in socket_dirs

deny contains r if {
	some name, svc in lib.services
	some v in lib.volumes(svc)
	v.bind
	not lib.interpolated(v.source)
	path := lib.normalize_path(v.source)
	runtime_socket(path)
	r := lib.result(v.at, sprintf("service %q mounts the container runtime socket %s (%s)", [name, path, v.spec]))
}
