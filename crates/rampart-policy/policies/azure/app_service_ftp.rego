# METADATA
# id: azure-app-service-ftp-enabled
# title: App Service allows unencrypted FTP deployments
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_function_app, azurerm_linux_function_app_slot, azurerm_linux_web_app, azurerm_linux_web_app_slot, azurerm_windows_function_app, azurerm_windows_function_app_slot, azurerm_windows_web_app, azurerm_windows_web_app_slot]
# description: >-
#   A web app or function app sets site_config.ftps_state to "AllAllowed", so its deployment
#   endpoint accepts plain FTP. Deployment credentials and the application's code and
#   configuration then cross the network unencrypted, and whoever captures the credentials can
#   replace the application.
# remediation: >-
#   Disable FTP, or allow only FTPS: `site_config { ftps_state = "Disabled" }` (or "FtpsOnly"), and
#   deploy with zip deploy, GitHub Actions or Azure Pipelines using Entra ID credentials.
# references:
#   - https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
package rampart.azure.app_service_ftp

import data.rampart.azure.lib as az
import data.rampart.cloud.lib

deny contains r if {
	some app in az.apps
	some sc in lib.blocks(lib.values(app), "site_config")
	sc.ftps_state == "AllAllowed"
	r := lib.attr_result(app, sc, "ftps_state", sprintf("%s allows plain FTP (ftps_state = \"AllAllowed\")", [lib.describe(app)]))
}
