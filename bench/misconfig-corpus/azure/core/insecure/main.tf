terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.110"
    }
  }
}

provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "main" {
  name     = "rg-${var.prefix}-prod"
  location = var.location
  tags     = local.tags
}

resource "azurerm_storage_account" "data" {
  name                     = "${var.prefix}proddata"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = azurerm_resource_group.main.location
  account_tier             = "Standard"
  account_replication_type = "GRS"

  enable_https_traffic_only       = false
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true

  network_rules {
    default_action = "Allow"
    bypass         = ["AzureServices"]
  }

  tags = local.tags
}

resource "azurerm_storage_account" "diagnostics" {
  name                     = "${var.prefix}proddiag"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = azurerm_resource_group.main.location
  account_tier             = "Standard"
  account_replication_type = "LRS"

  tags = local.tags
}

resource "azurerm_storage_container" "product_images" {
  name                  = "product-images"
  storage_account_name  = azurerm_storage_account.data.name
  container_access_type = "blob"
}

resource "azurerm_storage_container" "db_backups" {
  name                  = "db-backups"
  storage_account_name  = azurerm_storage_account.data.name
  container_access_type = "container"
}

resource "azurerm_storage_container" "boot_diagnostics" {
  name                  = "bootdiag"
  storage_account_name  = azurerm_storage_account.diagnostics.name
  container_access_type = "private"
}
