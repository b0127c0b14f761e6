package rampart.azure.database_firewall_open

import data.rampart.azure.testlib as t

test_open_firewall_rules_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_mssql_firewall_rule", "all", 1, {"name": "all", "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}),
		t.res("azurerm_postgresql_flexible_server_firewall_rule", "wide", 10, {"name": "wide", "start_ip_address": "1.0.0.0", "end_ip_address": "200.255.255.255"}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 10}
}

test_narrow_rules_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_mssql_firewall_rule", "azure", 1, {"name": "AllowAzure", "start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}),
		t.res("azurerm_mysql_flexible_server_firewall_rule", "office", 10, {"name": "office", "start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"}),
		t.res("azurerm_mssql_firewall_rule", "var", 20, {"name": "var", "start_ip_address": t.unknown("var.start", []), "end_ip_address": "255.255.255.255"}),
	])
}
