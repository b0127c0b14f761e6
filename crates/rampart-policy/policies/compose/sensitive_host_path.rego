# METADATA
# id: compose-sensitive-host-path
# title: Compose service mounts a sensitive host directory
# severity: high
# kinds: [compose]
# description: >-
#   A service bind-mounts a sensitive part of the host filesystem: read-write mounts of system
#   directories (`/`, `/etc`, `/usr`, `/var`, `/proc`, `/sys`, `/dev`, `/boot`, `/root`, the
#   Docker or kubelet state directories, kernel modules, SSH and sudo configuration), and even
#   read-only mounts of the whole root filesystem, `/root`, `/etc`, password hashes, SSH host keys
#   or Kubernetes credentials. A container that can write there can change the host's
#   configuration or binaries and escape to it; one that can read them gets host credentials.
#   Runtime sockets are reported by compose-docker-socket-mounted.
# remediation: >-
#   Mount only the specific files the service needs, read-only, e.g.
#   `- ./config/app.yaml:/etc/app/app.yaml:ro`, and keep data in named volumes
#   (`- appdata:/var/lib/app`) instead of host system directories.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#volumes
#   - https://docs.docker.com/engine/storage/bind-mounts/
package rampart.compose.sensitive_host_path

import data.rampart.compose.lib

# Directories whose whole tree is sensitive to write.
write_trees := {
	"/proc", "/sys", "/dev", "/boot", "/root", "/etc/ssh", "/etc/sudoers.d", "/etc/kubernetes",
	"/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/passwd", "/etc/group", "/etc/systemd",
	"/etc/cron.d", "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet", "/lib/modules",
	"/usr/lib/modules", "/var/spool/cron",
}

# Directories sensitive to write as a whole (their subdirectories are often mounted on purpose).
write_exact := {"/", "/etc", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/bin", "/sbin", "/lib", "/lib64", "/var", "/home", "/opt"}

# Paths sensitive even to read.
read_trees := {"/root", "/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/ssh", "/etc/kubernetes", "/var/lib/kubelet"}

read_exact := {"/", "/etc", "/home"}

sensitive_to_write(p) if {
	p in write_exact
} else if {
	count(lib.path_and_parents(p) & write_trees) > 0
}

sensitive_to_read(p) if {
	p in read_exact
} else if {
	count(lib.path_and_parents(p) & read_trees) > 0
}

# Absolute host paths bind-mounted by a service: [service name, volume, normalized path].
host_mounts contains [name, v, path] if {
	some name, svc in lib.services
	some v in lib.volumes(svc)
	v.bind
	startswith(v.source, "/")
	not lib.interpolated(v.source)
	path := lib.normalize_path(v.source)
}

deny contains r if {
	some [name, v, path] in host_mounts
	not v.read_only
	sensitive_to_write(path)
	r := lib.result(v.at, sprintf("service %q mounts host path %s read-write (%s)", [name, path, v.spec]))
}

deny contains r if {
	some [name, v, path] in host_mounts
	v.read_only
	sensitive_to_read(path)
	r := lib.result(v.at, sprintf("service %q mounts host path %s, which exposes host credentials or configuration even read-only (%s)", [name, path, v.spec]))
}
