provider "azurerm" {
  features {}
  subscription_id = "d69b63a7-303f-4902-9b5e-8a736f42bc4a"
  tenant_id       = "65af514b-11fa-4131-880b-9d0dd71e0888"
  client_id       = "d5d88a85-7351-4741-a444-d9f12c9c5c4f"
  client_secret   = var.azure_client_secret
}
