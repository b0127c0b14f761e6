resource "azurerm_service_plan" "web" {
  name                = "asp-${var.prefix}-web"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "storefront" {
  name                = "app-${var.prefix}-storefront"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_service_plan.web.location
  service_plan_id     = azurerm_service_plan.web.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
    http2_enabled       = true

    application_stack {
      node_version = "20-lts"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    WEBSITE_RUN_FROM_PACKAGE = "1"
  }

  tags = local.tags
}

resource "azurerm_linux_function_app" "events" {
  name                          = "func-${var.prefix}-events"
  resource_group_name           = azurerm_resource_group.main.name
  location                      = azurerm_service_plan.web.location
  service_plan_id               = azurerm_service_plan.web.id
  storage_account_name          = azurerm_storage_account.data.name
  storage_uses_managed_identity = true
  https_only                    = true

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "FtpsOnly"

    application_stack {
      python_version = "3.11"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  tags = local.tags
}
