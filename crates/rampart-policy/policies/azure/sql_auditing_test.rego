package rampart.azure.sql_auditing

import data.rampart.azure.testlib as t

test_unaudited_servers_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-a"}),
		t.res("azurerm_mssql_server", "b", 30, {"name": "acme-b"}),
		t.res("azurerm_mssql_server_extended_auditing_policy", "b", 60, {"server_id": t.unknown("azurerm_mssql_server.b.id", ["azurerm_mssql_server.b"]), "enabled": false}),
		t.res("azurerm_sql_server", "c", 90, {"name": "acme-c", "extended_auditing_policy": [t.blk(100, {"enabled": false})]}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 30, 90}
}

test_audited_servers_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-a"}),
		t.res("azurerm_mssql_server_extended_auditing_policy", "a", 30, {"server_id": t.unknown("azurerm_mssql_server.a.id", ["azurerm_mssql_server.a"]), "log_monitoring_enabled": true}),
		t.res("azurerm_sql_server", "c", 60, {"name": "acme-c", "extended_auditing_policy": [t.blk(70, {"storage_endpoint": "https://x.blob.core.windows.net/"})]}),
	])
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-a"}),
		t.res("azurerm_mssql_server_extended_auditing_policy", "a", 30, {"server_id": t.unknown("var.server_id", [])}),
	])
}
