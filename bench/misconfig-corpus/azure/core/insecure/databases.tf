resource "azurerm_mssql_server" "main" {
  name                         = "sql-${var.prefix}-prod"
  resource_group_name          = azurerm_resource_group.main.name
  location                     = azurerm_resource_group.main.location
  version                      = "12.0"
  administrator_login          = var.sql_admin_login
  administrator_login_password = var.sql_admin_password
  minimum_tls_version          = "1.0"
  tags                         = local.tags
}

resource "azurerm_mssql_database" "shop" {
  name      = "shop"
  server_id = azurerm_mssql_server.main.id
  sku_name  = "S1"
}

resource "azurerm_mssql_firewall_rule" "allow_azure_services" {
  name             = "AllowAllWindowsAzureIps"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "allow-all"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

# Legacy single server kept for the loyalty service.
resource "azurerm_postgresql_server" "loyalty" {
  name                = "psql-${var.prefix}-loyalty"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku_name            = "GP_Gen5_2"
  version             = "11"
  storage_mb          = 102400

  administrator_login          = "loyaltyadmin"
  administrator_login_password = var.sql_admin_password

  backup_retention_days        = 7
  geo_redundant_backup_enabled = false
  auto_grow_enabled            = true

  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"

  tags = local.tags
}

# CRM database; the vendor's reporting tool only speaks TLS 1.0.
resource "azurerm_mysql_server" "crm" {
  name                = "mysql-${var.prefix}-crm"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku_name            = "GP_Gen5_2"
  version             = "8.0"
  storage_mb          = 51200

  administrator_login          = "crmadmin"
  administrator_login_password = var.sql_admin_password

  backup_retention_days         = 7
  public_network_access_enabled = false

  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_0"

  tags = local.tags
}

resource "azurerm_mysql_flexible_server" "orders" {
  name                   = "mysql-${var.prefix}-orders"
  resource_group_name    = azurerm_resource_group.main.name
  location               = azurerm_resource_group.main.location
  administrator_login    = "ordersadmin"
  administrator_password = var.sql_admin_password
  sku_name               = "GP_Standard_D2ds_v4"
  version                = "8.0.21"
  backup_retention_days  = 7
  tags                   = local.tags
}

resource "azurerm_mysql_flexible_server_configuration" "no_tls" {
  name                = "require_secure_transport"
  resource_group_name = azurerm_resource_group.main.name
  server_name         = azurerm_mysql_flexible_server.orders.name
  value               = "OFF"
}

resource "azurerm_mysql_flexible_server_configuration" "tls_versions" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.main.name
  server_name         = azurerm_mysql_flexible_server.orders.name
  value               = "TLSv1,TLSv1.1,TLSv1.2"
}

resource "azurerm_mysql_flexible_server_firewall_rule" "everyone" {
  name                = "allow-everyone"
  resource_group_name = azurerm_resource_group.main.name
  server_name         = azurerm_mysql_flexible_server.orders.name
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}
