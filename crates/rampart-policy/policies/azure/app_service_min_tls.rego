# METADATA
# id: azure-app-service-weak-tls
# title: App Service accepts TLS older than 1.2
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_function_app, azurerm_linux_function_app_slot, azurerm_linux_web_app, azurerm_linux_web_app_slot, azurerm_windows_function_app, azurerm_windows_function_app_slot, azurerm_windows_web_app, azurerm_windows_web_app_slot]
# description: >-
#   A web app or function app sets site_config.minimum_tls_version (current resources) or
#   site_config.min_tls_version (legacy azurerm_app_service / azurerm_function_app) to "1.0" or
#   "1.1". Clients can then negotiate deprecated TLS versions with known weaknesses. The provider
#   default is "1.2".
# remediation: >-
#   Require TLS 1.2 or later: `site_config { minimum_tls_version = "1.2" }` (legacy resources:
#   `min_tls_version = "1.2"`).
# references:
#   - https://learn.microsoft.com/en-us/azure/app-service/overview-tls
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
package rampart.azure.app_service_min_tls

import data.rampart.azure.lib as az
import data.rampart.cloud.lib

deny contains r if {
	some app in az.apps
	some sc in lib.blocks(lib.values(app), "site_config")
	some key in ["minimum_tls_version", "min_tls_version"]
	sc[key] in {"1.0", "1.1"}
	r := lib.attr_result(app, sc, key, sprintf("%s accepts TLS %s, older than 1.2", [lib.describe(app), sc[key]]))
}
