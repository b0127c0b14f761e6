package rampart.azure.database_ssl

import data.rampart.azure.testlib as t

test_ssl_off_is_denied if {
	r := deny with input as t.doc([
		t.res("azurerm_postgresql_server", "a", 1, {"name": "a", "ssl_enforcement_enabled": false, "ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled", "__spans__": {"ssl_enforcement_enabled": [10, 10]}}),
		t.res("azurerm_mysql_server", "b", 40, {"name": "b", "ssl_enforcement": "Disabled", "__spans__": {"ssl_enforcement": [45, 45]}}),
		t.res("azurerm_mysql_flexible_server_configuration", "tls", 80, {"name": "require_secure_transport", "value": "OFF", "__spans__": {"value": [83, 83]}}),
	])
	count(r) == 3
	{x.line | some x in r} == {10, 45, 83}
}

test_ssl_enforced_is_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("azurerm_postgresql_server", "a", 1, {"name": "a", "ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"}),
		t.res("azurerm_postgresql_flexible_server_configuration", "tls", 40, {"name": "require_secure_transport", "value": "on"}),
		t.res("azurerm_postgresql_flexible_server_configuration", "log", 60, {"name": "log_connections", "value": "off"}),
		t.res("azurerm_mysql_server", "b", 80, {"name": "b", "ssl_enforcement_enabled": t.unknown("var.ssl", [])}),
	])
}
