package rampart.azure.sql_public_network_access

import data.rampart.azure.testlib as t

test_public_sql_servers_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-sql", "version": "12.0"}),
		t.res("azurerm_mssql_server", "b", 30, {"name": "acme-sql-b", "version": "12.0", "public_network_access_enabled": true, "__spans__": {"public_network_access_enabled": [37, 37]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 37}
}

test_private_sql_servers_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-sql", "public_network_access_enabled": false}),
		t.res("azurerm_mssql_server", "b", 30, {"name": "acme-sql-b", "public_network_access_enabled": t.unknown("var.public", [])}),
	])
}
