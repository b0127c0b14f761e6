package rampart.gcp.sql_backups_disabled

import data.rampart.gcp.testlib as t

sql(name, line, extra, settings) := t.res("google_sql_database_instance", name, line, object.union({"name": name, "database_version": "POSTGRES_15", "settings": [t.blk(line + 4, settings)]}, extra))

test_missing_or_disabled_backups_are_denied if {
	r := deny with input as t.doc([
		sql("a", 1, {}, {"tier": "db-f1-micro"}),
		sql("b", 30, {}, {"tier": "db-f1-micro", "backup_configuration": [t.blk(40, {"enabled": false, "__spans__": {"enabled": [41, 41]}})]}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 41}
}

test_backups_and_replicas_are_allowed if {
	count(deny) == 0 with input as t.doc([
		sql("a", 1, {}, {"backup_configuration": [t.blk(10, {"enabled": true, "point_in_time_recovery_enabled": true})]}),
		sql("replica", 30, {"master_instance_name": t.unknown("google_sql_database_instance.a.name", ["google_sql_database_instance.a"])}, {"tier": "db-f1-micro"}),
		sql("c", 60, {}, {"backup_configuration": [t.blk(70, {"enabled": t.unknown("var.backups", [])})]}),
	])
}
