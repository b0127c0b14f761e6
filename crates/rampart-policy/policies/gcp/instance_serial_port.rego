# METADATA
# id: gcp-compute-serial-port-enabled
# title: Interactive serial console access enabled
# severity: medium
# kinds: [terraform]
# resource_types: [google_compute_instance, google_compute_instance_template, google_compute_project_metadata, google_compute_project_metadata_item, google_compute_region_instance_template]
# description: >-
#   A compute instance or instance template sets the metadata key serial-port-enable to true, or a
#   google_compute_project_metadata(_item) enables it for every VM of the project. The interactive
#   serial console accepts connections from any source address (firewall rules do not apply to it)
#   and gives a login prompt on the VM, so anyone holding an SSH key the project accepts can reach
#   it from anywhere.
# remediation: >-
#   Remove the key or set it to false: `metadata = { serial-port-enable = "false" }`. Enable it
#   only temporarily for troubleshooting, and enforce
#   `constraints/compute.disableSerialPortAccess` at the organization.
# references:
#   - https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance
# frameworks: [CIS-GCP-4.5]
package rampart.gcp.instance_serial_port

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

deny contains r if {
	some vm in gcp.instances
	v := lib.values(vm)
	gcp.flag_on(gcp.metadata_value(v, "serial-port-enable"))
	r := lib.attr_result(vm, v, "metadata", sprintf("%s enables interactive serial port access (metadata serial-port-enable)", [lib.describe(vm)]))
}

deny contains r if {
	some pm in lib.managed("google_compute_project_metadata")
	v := lib.values(pm)
	gcp.flag_on(gcp.metadata_value(v, "serial-port-enable"))
	r := lib.attr_result(pm, v, "metadata", sprintf("%s enables interactive serial port access for every VM of the project", [lib.describe(pm)]))
}

deny contains r if {
	some item in lib.managed("google_compute_project_metadata_item")
	v := lib.values(item)
	v.key == "serial-port-enable"
	gcp.flag_on(v.value)
	r := lib.attr_result(item, v, "value", sprintf("%s enables interactive serial port access for every VM of the project", [lib.describe(item)]))
}
