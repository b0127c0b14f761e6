# METADATA
# id: gcp-compute-default-sa-full-access
# title: Instance uses the default service account with full API access
# severity: high
# kinds: [terraform]
# resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
# description: >-
#   A compute instance or instance template runs as the Compute Engine default service account
#   (no email in its service_account block, an email ending in
#   -compute@developer.gserviceaccount.com, or the google_compute_default_service_account data
#   source) with the cloud-platform scope. The default account has the Editor role on the project
#   unless that grant was removed, and the cloud-platform scope lets every process on the VM use
#   it, so anyone who runs code on the VM or reaches its metadata server can change almost
#   anything in the project.
# remediation: >-
#   Create a dedicated service account with only the roles the workload needs and attach it:
#   `service_account { email = google_service_account.app.email scopes = ["cloud-platform"] }`
#   (with a least-privilege account the broad scope is fine), or keep the default account with
#   narrow scopes such as `["logging-write", "monitoring-write"]`.
# references:
#   - https://cloud.google.com/compute/docs/access/service-accounts#default_service_account
#   - https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances
# frameworks: [CIS-GCP-4.2]
package rampart.gcp.instance_default_sa_full_access

import data.rampart.cloud.lib
import data.rampart.gcp.lib as gcp

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

default_sa(sa) if not lib.has(sa, "email")

default_sa(sa) if sa.email == null

default_sa(sa) if {
	is_string(sa.email)
	endswith(sa.email, "-compute@developer.gserviceaccount.com")
}

default_sa(sa) if {
	lib.is_unknown(sa.email)
	some ref in object.get(sa.email, "__refs__", [])
	startswith(ref, "data.google_compute_default_service_account.")
}

deny contains r if {
	some vm in gcp.instances
	some sa in lib.blocks(lib.values(vm), "service_account")
	default_sa(sa)
	some s in gcp.strings(sa, "scopes")
	s in full_scopes
	r := gcp.block_result(vm, sa, sprintf("%s runs as the default Compute Engine service account with the cloud-platform scope", [lib.describe(vm)]))
}
