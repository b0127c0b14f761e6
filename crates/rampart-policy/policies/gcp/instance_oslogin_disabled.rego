# METADATA
# id: gcp-compute-oslogin-disabled
# title: Compute instance turns OS Login off
# severity: medium
# kinds: [terraform]
# resource_types: [google_compute_instance, google_compute_instance_template, google_compute_project_metadata, google_compute_project_metadata_item, google_compute_region_instance_template]
# description: >-
#   A compute instance or instance template sets the metadata key enable-oslogin to FALSE, or a
#   google_compute_project_metadata(_item) turns it off for every VM of the project. The VM then
#   stops tying SSH access to IAM: logins use SSH keys kept in instance or project metadata, which
#   are not bound to an identity, are not revoked when the user loses access, do not support
#   two-factor authentication and are not recorded against a Google account.
# remediation: >-
#   Remove the override, or set `metadata = { enable-oslogin = "TRUE" }`; enable OS Login at
#   project level (`google_compute_project_metadata_item` key enable-oslogin, value TRUE) and
#   enforce `constraints/compute.requireOsLogin` at the organization. Grant access with
#   roles/compute.osLogin or roles/compute.osAdminLogin.
# references:
#   - https://cloud.google.com/compute/docs/oslogin
#   - https://cloud.google.com/compute/docs/oslogin/set-up-oslogin
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata
package rampart.gcp.instance_oslogin_disabled

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

deny contains r if {
	some vm in gcp.instances
	v := lib.values(vm)
	gcp.flag_off(gcp.metadata_value(v, "enable-oslogin"))
	r := lib.attr_result(vm, v, "metadata", sprintf("%s turns OS Login off (metadata enable-oslogin = FALSE)", [lib.describe(vm)]))
}

deny contains r if {
	some pm in lib.managed("google_compute_project_metadata")
	v := lib.values(pm)
	gcp.flag_off(gcp.metadata_value(v, "enable-oslogin"))
	r := lib.attr_result(pm, v, "metadata", sprintf("%s turns OS Login off for every VM of the project", [lib.describe(pm)]))
}

deny contains r if {
	some item in lib.managed("google_compute_project_metadata_item")
	v := lib.values(item)
	v.key == "enable-oslogin"
	gcp.flag_off(v.value)
	r := lib.attr_result(item, v, "value", sprintf("%s turns OS Login off for every VM of the project", [lib.describe(item)]))
}
