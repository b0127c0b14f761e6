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

  site_config {
    minimum_tls_version = "1.0"
    ftps_state          = "AllAllowed"

    application_stack {
      node_version = "20-lts"
    }
  }

  app_settings = {
    WEBSITE_RUN_FROM_PACKAGE = "1"
  }

  tags = local.tags
}

resource "azurerm_app_service_plan" "legacy" {
  name                = "plan-${var.prefix}-admin"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  sku {
    tier = "Standard"
    size = "S1"
  }
}

# Back-office admin site, still on the classic resource.
resource "azurerm_app_service" "admin" {
  name                = "app-${var.prefix}-admin"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  app_service_plan_id = azurerm_app_service_plan.legacy.id
  https_only          = false

  site_config {
    dotnet_framework_version = "v6.0"
    min_tls_version          = "1.1"
    ftps_state               = "FtpsOnly"
  }

  tags = local.tags
}
