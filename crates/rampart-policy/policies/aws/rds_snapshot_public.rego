# METADATA
# id: aws-rds-snapshot-public
# title: RDS snapshot is shared with everyone
# severity: high
# kinds: [terraform]
# resource_types: [aws_db_snapshot]
# description: >-
#   An `aws_db_snapshot` lists `all` in `shared_accounts`, which makes the manual snapshot
#   public: any AWS account can copy it and restore a full copy of the database, with its
#   data and password hashes, in its own account. RDS refuses to make encrypted snapshots
#   public, so such a snapshot is also unencrypted.
# remediation: >-
#   Remove `all` from `shared_accounts` and list only the account ids that need the snapshot
#   (`shared_accounts = ["111122223333"]`); share encrypted snapshots together with a KMS key
#   grant to those accounts.
# references:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_snapshot
package rampart.aws.rds_snapshot_public

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some s in lib.managed("aws_db_snapshot")
	v := lib.values(s)
	accounts := v.shared_accounts
	is_array(accounts)
	some a in accounts
	is_string(a)
	lower(a) == "all"
	r := lib.attr_result(s, v, "shared_accounts", sprintf("%s is shared with all AWS accounts (shared_accounts contains \"all\")", [lib.describe(s)]))
}
