# METADATA
# id: gcp-compute-project-ssh-keys-allowed
# title: Instance accepts project-wide SSH keys
# severity: low
# kinds: [terraform]
# resource_types: [google_compute_instance, google_compute_instance_template, google_compute_project_metadata, google_compute_project_metadata_item, google_compute_region_instance_template]
# description: >-
#   A compute instance or instance template does not set the metadata key block-project-ssh-keys
#   to true, and OS Login is on neither for it nor for the project (project metadata in the same
#   module), so every SSH key in the project's metadata can log in to it. One key added
#   project-wide for one machine, or one leaked project-wide key, then opens every VM. Instances
#   whose metadata is computed (not known statically) are not reported.
# remediation: >-
#   Block project-wide keys on the instance, `metadata = { block-project-ssh-keys = "true" }`, or
#   better manage access with OS Login (`enable-oslogin = "TRUE"`), which ties SSH access to IAM.
# references:
#   - https://cloud.google.com/compute/docs/connect/restrict-ssh-keys
#   - https://cloud.google.com/compute/docs/oslogin
# frameworks: [CIS-GCP-4.3]
package rampart.gcp.instance_project_ssh_keys

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

# Metadata is absent or a known map.
known_metadata(v) if not lib.has(v, "metadata")

known_metadata(v) if {
	is_object(v.metadata)
	not lib.is_unknown(v.metadata)
}

# The metadata says nothing that could be unknown about the two keys.
decided(v, k) if not lib.has(object.get(v, "metadata", {}), k)

decided(v, k) if not lib.is_unknown(v.metadata[k])

blocked(v) if gcp.flag_on(gcp.metadata_value(v, "block-project-ssh-keys"))

blocked(v) if gcp.flag_on(gcp.metadata_value(v, "enable-oslogin"))

# OS Login turned on for the whole project (instances inherit it unless they turn it off).
project_os_login if {
	some item in lib.managed("google_compute_project_metadata_item")
	lib.values(item).key == "enable-oslogin"
	gcp.flag_on(lib.values(item).value)
}

project_os_login if {
	some pm in lib.managed("google_compute_project_metadata")
	gcp.flag_on(gcp.metadata_value(lib.values(pm), "enable-oslogin"))
}

blocked(v) if {
	project_os_login
	not gcp.flag_off(object.get(object.get(v, "metadata", {}), "enable-oslogin", "TRUE"))
}

deny contains r if {
	some vm in gcp.instances
	v := lib.values(vm)
	known_metadata(v)
	decided(v, "block-project-ssh-keys")
	decided(v, "enable-oslogin")
	not blocked(v)
	r := lib.attr_result(vm, v, "metadata", sprintf("%s does not set block-project-ssh-keys, so project-wide SSH keys can log in to it", [lib.describe(vm)]))
}
