# METADATA
# id: aws-kinesis-stream-unencrypted
# title: Kinesis data stream is not encrypted
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Kinesis::Stream", aws_kinesis_stream]
# description: >-
#   An `aws_kinesis_stream` leaves `encryption_type` unset or `NONE` (CloudFormation
#   `AWS::Kinesis::Stream` without a `StreamEncryption` of type `KMS`). Kinesis Data Streams has
#   no default encryption at rest, so every record, often clickstreams, logs or change data
#   with personal data, is stored unencrypted for the whole retention period.
# remediation: >-
#   Set `encryption_type = "KMS"` with `kms_key_id = "alias/aws/kinesis"` or a customer-managed
#   key (CloudFormation `StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}`).
# references:
#   - https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream#encryption_type
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-kinesis-stream-streamencryption.html
package rampart.aws.kinesis_stream_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# Unset, or a known value other than KMS.
plain(o, key) if lib_data.absent(o, key)

plain(o, key) if {
	is_string(o[key])
	upper(o[key]) != "KMS"
}

deny contains r if {
	lib.is_terraform
	some s in lib.managed("aws_kinesis_stream")
	v := lib.values(s)
	plain(v, "encryption_type")
	r := lib.attr_result(s, v, "encryption_type", sprintf("%s is not encrypted (encryption_type is not KMS)", [lib.describe(s)]))
}

deny contains r if {
	lib.is_cloudformation
	some s in lib.managed("AWS::Kinesis::Stream")
	v := lib.values(s)
	lib_data.absent(v, "StreamEncryption")
	r := lib.result(s, sprintf("%s has no StreamEncryption", [lib.describe(s)]))
}

deny contains r if {
	lib.is_cloudformation
	some s in lib.managed("AWS::Kinesis::Stream")
	e := lib.values(s).StreamEncryption
	is_object(e)
	not lib.is_unknown(e)
	plain(e, "EncryptionType")
	r := lib.result(s, sprintf("%s: StreamEncryption is not of type KMS", [lib.describe(s)]))
}
