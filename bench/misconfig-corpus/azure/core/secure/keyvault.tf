resource "azurerm_key_vault" "main" {
  name                       = "kv-${var.prefix}-prod"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  soft_delete_retention_days = 90
  purge_protection_enabled   = true
  enable_rbac_authorization  = true

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    ip_rules                   = var.operator_ranges
    virtual_network_subnet_ids = [azurerm_subnet.apps.id]
  }

  tags = local.tags
}
