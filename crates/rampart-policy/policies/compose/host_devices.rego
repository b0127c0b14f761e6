# METADATA
# id: compose-host-devices
# title: Compose service maps a host device into the container
# severity: medium
# kinds: [compose]
# description: >-
#   A service lists host devices under `devices:` (`/dev/sda:/dev/xvda`, `/dev/mem`,
#   `/dev/ttyUSB0`), giving the container direct access to them, by default with read, write and
#   mknod permission. Raw access to disks, memory or kernel interfaces bypasses the isolation of
#   the container filesystem and can be used to read or modify host data. Medium: some services
#   (serial gateways, hardware transcoding) need one specific device, which should be reviewed.
# remediation: >-
#   Remove the mapping, or map only the one device the service needs with the narrowest
#   permissions, e.g. `devices: ["/dev/ttyUSB0:/dev/ttyUSB0:r"]`; never map block devices,
#   `/dev/mem` or `/dev/kmsg`.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#devices
#   - https://docs.docker.com/reference/cli/docker/container/run/#device
package rampart.compose.host_devices

import data.rampart.compose.lib

device_name(d) := d if is_string(d)

device_name(d) := lib.text(object.get(d, "source", "?")) if is_object(d)

at(d, svc) := d if is_object(d)

at(d, svc) := svc if not is_object(d)

deny contains r if {
	some name, svc in lib.services
	some d in lib.arr(svc, "devices")
	dev := device_name(d)
	r := lib.result(at(d, svc), sprintf("service %q maps host device %s into the container", [name, dev]))
}
