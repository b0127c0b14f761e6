package rampart.azure.database_public_access

import data.rampart.azure.testlib as t

test_public_databases_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_postgresql_server", "a", 1, {"name": "a"}),
		t.res("azurerm_mysql_server", "b", 40, {"name": "b", "public_network_access_enabled": true, "__spans__": {"public_network_access_enabled": [47, 47]}}),
		t.res("azurerm_postgresql_flexible_server", "c", 80, {"name": "c", "version": "16"}),
	])
	count(r) == 3
	{x.line | some x in r} == {1, 47, 80}
}

test_private_databases_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_postgresql_server", "a", 1, {"name": "a", "public_network_access_enabled": false}),
		t.res("azurerm_postgresql_flexible_server", "c", 40, {"name": "c", "delegated_subnet_id": t.unknown("azurerm_subnet.db.id", ["azurerm_subnet.db"]), "private_dns_zone_id": t.unknown("azurerm_private_dns_zone.db.id", ["azurerm_private_dns_zone.db"])}),
		t.res("azurerm_mysql_flexible_server", "d", 80, {"name": "d", "public_network_access_enabled": false}),
		t.res("azurerm_mysql_server", "e", 120, {"name": "e", "public_network_access_enabled": t.unknown("var.public", [])}),
	])
}
