# METADATA
# id: gcp-sql-backups-disabled
# title: Cloud SQL instance without automated backups
# severity: medium
# kinds: [terraform]
# resource_types: [google_sql_database_instance]
# description: >-
#   A google_sql_database_instance that is not a read replica has no
#   settings.backup_configuration block or sets its enabled argument to false (automated backups
#   are off by default). Without automated backups, data lost to a bad migration, an application
#   bug, ransomware or an accidental delete cannot be restored, and point-in-time recovery is not
#   possible.
# remediation: >-
#   Enable daily backups and point-in-time recovery:
#   `backup_configuration { enabled = true point_in_time_recovery_enabled = true start_time = "03:00" }`
#   (MySQL uses `binary_log_enabled = true` for point-in-time recovery).
# references:
#   - https://cloud.google.com/sql/docs/postgres/backup-recovery/backups
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
# frameworks: [CIS-GCP-6.7]
package rampart.gcp.sql_backups_disabled

import data.rampart.cloud.lib

replica(v) if lib.has(v, "master_instance_name")

deny contains r if {
	some db in lib.managed("google_sql_database_instance")
	v := lib.values(db)
	not replica(v)
	some s in lib.blocks(v, "settings")
	not lib.has(s, "backup_configuration")
	r := lib.result(db, sprintf("%s has no backup_configuration, so automated backups are off", [lib.describe(db)]))
}

deny contains r if {
	some db in lib.managed("google_sql_database_instance")
	v := lib.values(db)
	not replica(v)
	some s in lib.blocks(v, "settings")
	some b in lib.blocks(s, "backup_configuration")
	not lib.is_true(object.get(b, "enabled", false))
	not lib.is_unknown(object.get(b, "enabled", false))
	r := lib.attr_result(db, b, "enabled", sprintf("%s turns automated backups off (backup_configuration.enabled is not true)", [lib.describe(db)]))
}
