# METADATA
# id: aws-sqs-queue-unencrypted
# title: SQS queue has server-side encryption turned off
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::SQS::Queue", aws_sqs_queue]
# description: >-
#   An SQS queue sets `sqs_managed_sse_enabled = false` (CloudFormation
#   `SqsManagedSseEnabled: false`) and names no KMS key (`kms_master_key_id`,
#   `KmsMasterKeyId`), so messages are stored unencrypted while they wait in the queue. SQS
#   encrypts new queues with SQS-managed keys unless told otherwise, so queues that leave both
#   settings out are not flagged: this check finds queues where encryption was switched off.
# remediation: >-
#   Remove `sqs_managed_sse_enabled = false`, or better use a KMS key for key-level access
#   control and audit: `kms_master_key_id = aws_kms_key.queue.arn` with
#   `kms_data_key_reuse_period_seconds = 300` (CloudFormation `KmsMasterKeyId`).
# references:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue#sqs_managed_sse_enabled
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html
package rampart.aws.sqs_queue_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some q in lib.managed("aws_sqs_queue")
	v := lib.values(q)
	lib.is_false(object.get(v, "sqs_managed_sse_enabled", null))
	not lib_data.given(v, "kms_master_key_id")
	r := lib.attr_result(q, v, "sqs_managed_sse_enabled", sprintf("%s turns server-side encryption off and sets no KMS key", [lib.describe(q)]))
}

deny contains r if {
	lib.is_cloudformation
	some q in lib.managed("AWS::SQS::Queue")
	v := lib.values(q)
	lib.is_false(object.get(v, "SqsManagedSseEnabled", null))
	not lib_data.given(v, "KmsMasterKeyId")
	r := lib.result(q, sprintf("%s turns server-side encryption off and sets no KMS key", [lib.describe(q)]))
}
