# METADATA
# id: gcp-kms-key-rotation
# title: KMS key not rotated automatically every 90 days or less
# severity: medium
# kinds: [terraform]
# resource_types: [google_kms_crypto_key]
# description: >-
#   A symmetric google_kms_crypto_key (purpose ENCRYPT_DECRYPT, the default) has no
#   rotation_period, or one longer than 90 days (7776000s). Without automatic rotation, one key
#   version protects all data for the key's whole life, so a leaked or broken version exposes
#   everything ever encrypted with it. Asymmetric and MAC keys, which Cloud KMS cannot rotate
#   automatically, are not checked.
# remediation: >-
#   Set a rotation period of at most 90 days: `rotation_period = "7776000s"` (Cloud KMS keeps old
#   versions to decrypt existing data).
# references:
#   - https://cloud.google.com/kms/docs/key-rotation
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key
# frameworks: [CIS-GCP-1.10]
package rampart.gcp.kms_key_rotation

import data.rampart.cloud.lib

max_seconds := 7776000

symmetric(v) if not lib.has(v, "purpose")

symmetric(v) if v.purpose == "ENCRYPT_DECRYPT"

# "7776000s" or "100000.5s" as a number of seconds.
seconds(p) := n if {
	is_string(p)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, p)
	n := to_number(trim_suffix(p, "s"))
}

deny contains r if {
	some k in lib.managed("google_kms_crypto_key")
	v := lib.values(k)
	symmetric(v)
	not lib.has(v, "rotation_period")
	r := lib.result(k, sprintf("%s has no rotation_period, so its key material is never rotated", [lib.describe(k)]))
}

deny contains r if {
	some k in lib.managed("google_kms_crypto_key")
	v := lib.values(k)
	symmetric(v)
	seconds(v.rotation_period) > max_seconds
	r := lib.attr_result(k, v, "rotation_period", sprintf("%s rotates every %s, longer than 90 days (7776000s)", [lib.describe(k), v.rotation_period]))
}
