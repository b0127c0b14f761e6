# METADATA
# id: gcp-dns-dnssec-disabled
# title: Public Cloud DNS zone without DNSSEC
# severity: low
# kinds: [terraform]
# resource_types: [google_dns_managed_zone]
# description: >-
#   A public google_dns_managed_zone has no dnssec_config block or its state is "off". Without
#   DNSSEC, resolvers cannot verify that answers for the zone come from its authoritative servers,
#   so cache poisoning and on-path spoofing can redirect users and mail to an attacker's hosts.
#   Private zones are not checked.
# remediation: >-
#   Sign the zone: `dnssec_config { state = "on" }`, then publish the DS record at the registrar of
#   the parent domain.
# references:
#   - https://cloud.google.com/dns/docs/dnssec-config
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone
# frameworks: [CIS-GCP-3.3]
package rampart.gcp.dns_dnssec

import data.rampart.cloud.lib

public_zone(v) if not lib.has(v, "visibility")

public_zone(v) if v.visibility == "public"

deny contains r if {
	some z in lib.managed("google_dns_managed_zone")
	v := lib.values(z)
	public_zone(v)
	not lib.has(v, "dnssec_config")
	r := lib.result(z, sprintf("%s is a public zone without DNSSEC (no dnssec_config)", [lib.describe(z)]))
}

deny contains r if {
	some z in lib.managed("google_dns_managed_zone")
	v := lib.values(z)
	public_zone(v)
	some d in lib.blocks(v, "dnssec_config")
	object.get(d, "state", "off") == "off"
	r := lib.attr_result(z, d, "state", sprintf("%s is a public zone with DNSSEC off", [lib.describe(z)]))
}
