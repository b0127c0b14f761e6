package rampart.azure.sql_min_tls

import data.rampart.azure.testlib as t

test_old_tls_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-a", "minimum_tls_version": "1.0", "__spans__": {"minimum_tls_version": [8, 8]}}),
		t.res("azurerm_mssql_server", "b", 30, {"name": "acme-b", "minimum_tls_version": "Disabled", "__spans__": {"minimum_tls_version": [38, 38]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {8, 38}
}

test_tls12_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_mssql_server", "a", 1, {"name": "acme-a", "minimum_tls_version": "1.2"}),
		t.res("azurerm_mssql_server", "b", 30, {"name": "acme-b"}),
	])
}
