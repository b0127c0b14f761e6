resource "azurerm_linux_function_app" "ingest" {
  name                = "helios-ingest"
  location            = "westeurope"
  resource_group_name = "rg-helios-prod"
  service_plan_id     = azurerm_service_plan.main.id

  app_settings = {
    FUNCTIONS_WORKER_RUNTIME = "python"
    AzureWebJobsStorage      = "DefaultEndpointsProtocol=https;AccountName=heliosingest;AccountKey=fq5Xz1Rwk6DSw1BtJld6TlzUdVahMeQLnztrAWgMd+8HcH1sNv3FnlbTQAxn8KMfrd8tUCKU5HtYUcEycCR6EQ==;EndpointSuffix=core.windows.net"
  }

  site_config {}
}
