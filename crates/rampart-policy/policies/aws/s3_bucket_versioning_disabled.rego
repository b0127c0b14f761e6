# METADATA
# id: aws-s3-bucket-versioning-disabled
# title: S3 bucket versioning is not enabled
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::S3::Bucket", aws_s3_bucket, aws_s3_bucket_versioning]
# description: >-
#   The bucket does not keep object versions: no `aws_s3_bucket_versioning` with status
#   `Enabled` refers to it (or one sets `Suspended`), and the legacy inline `versioning` block is
#   absent or disabled; in CloudFormation `VersioningConfiguration.Status` is not `Enabled`.
#   Without versioning an overwrite or delete, by mistake, by a faulty deployment or by
#   ransomware holding stolen credentials, destroys the only copy of the object, and S3
#   Object Lock and replication cannot be used.
# remediation: >-
#   Add `resource "aws_s3_bucket_versioning" "data" { bucket = aws_s3_bucket.data.id
#   versioning_configuration { status = "Enabled" } }` (CloudFormation:
#   `VersioningConfiguration: {Status: Enabled}`), with a lifecycle rule that expires
#   noncurrent versions after the retention you need.
# references:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-versioningconfiguration.html
package rampart.aws.s3_bucket_versioning_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# `aws_s3_bucket_versioning` whose status is known and not Enabled.
deny contains r if {
	lib.is_terraform
	some v in lib.managed("aws_s3_bucket_versioning")
	some c in lib.blocks(lib.values(v), "versioning_configuration")
	is_string(c.status)
	c.status != "Enabled"
	r := lib.attr_result(v, c, "status", sprintf("%s sets versioning status %q", [lib.describe(v), c.status]))
}

# A bucket with no versioning resource: the legacy inline block decides.
deny contains r if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	count(lib_data.bucket_configs("aws_s3_bucket_versioning", b)) == 0
	not lib_data.bucket_config_unclear("aws_s3_bucket_versioning", b)
	v := lib.values(b)
	count(lib.blocks(v, "versioning")) == 0
	not lib.is_unknown(object.get(v, "versioning", null))
	r := lib.result(b, sprintf("%s does not enable versioning", [lib.describe(b)]))
}

deny contains r if {
	lib.is_terraform
	some b in lib.managed("aws_s3_bucket")
	count(lib_data.bucket_configs("aws_s3_bucket_versioning", b)) == 0
	not lib_data.bucket_config_unclear("aws_s3_bucket_versioning", b)
	some vb in lib.blocks(lib.values(b), "versioning")
	lib.is_false(object.get(vb, "enabled", false))
	r := lib.attr_result(b, vb, "enabled", sprintf("%s does not enable versioning", [lib.describe(b)]))
}

deny contains r if {
	lib.is_cloudformation
	some b in lib.managed("AWS::S3::Bucket")
	v := lib.values(b)
	not cfn_enabled_or_unknown(v)
	r := lib.result(b, sprintf("%s does not enable versioning", [lib.describe(b)]))
}

cfn_enabled_or_unknown(v) if v.VersioningConfiguration.Status == "Enabled"

cfn_enabled_or_unknown(v) if lib.is_unknown(v.VersioningConfiguration)

cfn_enabled_or_unknown(v) if lib.is_unknown(v.VersioningConfiguration.Status)
