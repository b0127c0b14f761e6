package rampart.azure.database_weak_tls

import data.rampart.azure.testlib as t

test_old_tls_versions_are_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_mysql_server", "crm", 1, {"name": "crm", "ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_0", "__spans__": {"ssl_minimal_tls_version_enforced": [12, 12]}}),
		t.res("azurerm_postgresql_server", "pg", 30, {"name": "pg", "ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"}),
		t.res("azurerm_postgresql_flexible_server_configuration", "min_tls", 60, {"name": "ssl_min_protocol_version", "value": "TLSv1", "__spans__": {"value": [63, 63]}}),
		t.res("azurerm_mysql_flexible_server_configuration", "tls", 80, {"name": "tls_version", "value": "TLSv1,TLSv1.1,TLSv1.2", "__spans__": {"value": [84, 84]}}),
	])
	count(r) == 4
	{x.line | some x in r} == {12, 30, 63, 84}
}

test_modern_tls_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_mysql_server", "crm", 1, {"name": "crm", "ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"}),
		t.res("azurerm_postgresql_server", "pg", 30, {"name": "pg", "ssl_enforcement_enabled": true}),
		t.res("azurerm_postgresql_server", "off", 50, {"name": "off", "ssl_enforcement_enabled": false, "ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"}),
		t.res("azurerm_postgresql_server", "var", 70, {"name": "var", "ssl_minimal_tls_version_enforced": t.unknown("var.min_tls", [])}),
		t.res("azurerm_postgresql_flexible_server_configuration", "min_tls", 90, {"name": "ssl_min_protocol_version", "value": "TLSv1.2"}),
		t.res("azurerm_mysql_flexible_server_configuration", "tls", 110, {"name": "tls_version", "value": "TLSv1.2,TLSv1.3"}),
		t.res("azurerm_mysql_flexible_server_configuration", "tls2", 130, {"name": "tls_version", "value": t.unknown("var.tls_versions", [])}),
		t.res("azurerm_mysql_flexible_server_configuration", "other", 150, {"name": "max_connections", "value": "TLSv1"}),
	])
}
