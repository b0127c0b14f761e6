# METADATA
# id: gcp-compute-shielded-vm-disabled
# title: Shielded VM protections turned off
# severity: medium
# kinds: [terraform]
# resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
# description: >-
#   A compute instance or instance template sets enable_vtpm or enable_integrity_monitoring to
#   false in its shielded_instance_config. The virtual TPM and integrity monitoring let Compute
#   Engine measure the boot sequence and alert when the bootloader, kernel or boot drivers were
#   tampered with; turning them off removes the detection of boot-level rootkits. Both are on by
#   default for Shielded VM images.
# remediation: >-
#   Keep the defaults, or set them explicitly together with Secure Boot:
#   `shielded_instance_config { enable_secure_boot = true enable_vtpm = true enable_integrity_monitoring = true }`.
# references:
#   - https://cloud.google.com/compute/shielded-vm/docs/shielded-vm
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance
# frameworks: [CIS-GCP-4.8]
package rampart.gcp.instance_shielded_vm

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

protections := {"enable_vtpm": "the virtual TPM", "enable_integrity_monitoring": "integrity monitoring"}

deny contains r if {
	some vm in gcp.instances
	some sc in lib.blocks(lib.values(vm), "shielded_instance_config")
	some key, what in protections
	lib.is_false(sc[key])
	r := lib.attr_result(vm, sc, key, sprintf("%s turns off %s of Shielded VM (%s = false)", [lib.describe(vm), what, key]))
}
