# METADATA
# id: gcp-compute-subnetwork-flow-logs-disabled
# title: VPC subnetwork without flow logs
# severity: low
# kinds: [terraform]
# resource_types: [google_compute_subnetwork]
# description: >-
#   A google_compute_subnetwork has no log_config block, so VPC Flow Logs are off for it. Flow
#   logs record the connections to and from every VM and GKE node in the subnetwork; without them
#   there is no record to investigate lateral movement, data exfiltration or unexpected exposure
#   after an incident. Proxy-only and Private Service Connect subnetworks, which do not support
#   flow logs, are not reported.
# remediation: >-
#   Add a log_config block to the subnetwork:
#   `log_config { aggregation_interval = "INTERVAL_5_SEC" flow_sampling = 0.5 metadata = "INCLUDE_ALL_METADATA" }`.
# references:
#   - https://cloud.google.com/vpc/docs/flow-logs
#   - https://cloud.google.com/vpc/docs/using-flow-logs
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#log_config
package rampart.gcp.subnetwork_flow_logs

import data.rampart.cloud.lib

# Purposes whose subnetworks carry no VM traffic of their own and support no flow logs.
no_flow_log_purposes := {
	"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER",
	"PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT",
}

# The purpose when known (PRIVATE, the default, when absent).
purpose(v) := upper(v.purpose) if {
	is_string(v.purpose)
} else := "PRIVATE" if {
	not lib.has(v, "purpose")
}

deny contains r if {
	some s in lib.managed("google_compute_subnetwork")
	v := lib.values(s)
	not lib.has(v, "log_config")
	not lib.is_true(object.get(v, "enable_flow_logs", false))
	not lib.is_unknown(object.get(v, "enable_flow_logs", false))
	p := purpose(v)
	not p in no_flow_log_purposes
	r := lib.result(s, sprintf("%s has no log_config: VPC flow logs are disabled for the subnetwork", [lib.describe(s)]))
}
