# METADATA
# id: aws-kms-key-rotation-disabled
# title: KMS key rotation is disabled
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::KMS::Key", aws_kms_key]
# description: >-
#   A symmetric customer managed KMS key does not have automatic rotation enabled
#   (`enable_key_rotation` is false or not set, the default). Without rotation the same key
#   material protects data for years, so a leaked or cryptographically weakened key stays useful
#   indefinitely. Asymmetric, HMAC, imported (`EXTERNAL` origin) and custom key store keys
#   cannot be rotated automatically and are not reported.
# remediation: >-
#   Set `enable_key_rotation = true` (CloudFormation `EnableKeyRotation: true`), optionally with
#   `rotation_period_in_days`; previous key material stays available for decryption.
# references:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#enable_key_rotation
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html
# frameworks: [CIS-AWS-3.8]
package rampart.aws.kms_key_rotation_disabled

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some k in lib.managed("aws_kms_key")
	v := lib.values(k)
	symmetric(v, "customer_master_key_spec")
	symmetric(v, "key_spec")
	lib_iam.absent(v, "custom_key_store_id")
	off(v, "enable_key_rotation")
	r := lib.attr_result(k, v, "enable_key_rotation", sprintf("%s does not rotate its key material (enable_key_rotation is not true)", [lib.describe(k)]))
}

deny contains r if {
	lib.is_cloudformation
	some k in lib.managed("AWS::KMS::Key")
	v := lib.values(k)
	symmetric(v, "KeySpec")
	not lib_iam.lower_in(object.get(v, "Origin", "AWS_KMS"), {"external"})
	not lib.is_unknown(object.get(v, "Origin", "AWS_KMS"))
	off(v, "EnableKeyRotation")
	r := lib.result(k, sprintf("%s does not rotate its key material (EnableKeyRotation is not true)", [lib.describe(k)]))
}

symmetric(v, key) if lib_iam.absent(v, key)

symmetric(v, key) if v[key] == "SYMMETRIC_DEFAULT"

off(v, key) if lib_iam.absent(v, key)

off(v, key) if lib.is_false(v[key])
