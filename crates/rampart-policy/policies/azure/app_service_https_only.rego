# METADATA
# id: azure-app-service-https-not-enforced
# title: App Service accepts plain HTTP
# severity: medium
# kinds: [terraform]
# resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_function_app, azurerm_linux_function_app_slot, azurerm_linux_web_app, azurerm_linux_web_app_slot, azurerm_windows_function_app, azurerm_windows_function_app_slot, azurerm_windows_web_app, azurerm_windows_web_app_slot]
# description: >-
#   A web app or function app (azurerm_linux_web_app, azurerm_windows_web_app, the function app
#   and slot variants, or the legacy azurerm_app_service / azurerm_function_app) does not set
#   https_only to true; the default is false. The app then answers plain HTTP, so session cookies,
#   tokens and form data can be read or altered on the network, and users are not redirected to
#   HTTPS.
# remediation: >-
#   Redirect all HTTP traffic to HTTPS: `https_only = true`, with
#   `site_config { minimum_tls_version = "1.2" }`.
# references:
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
package rampart.azure.app_service_https_only

import data.rampart.azure.lib as az
import data.rampart.cloud.lib

deny contains r if {
	some app in az.apps
	v := lib.values(app)
	not lib.has(v, "https_only")
	r := lib.result(app, sprintf("%s does not set https_only = true, so it serves plain HTTP", [lib.describe(app)]))
}

deny contains r if {
	some app in az.apps
	v := lib.values(app)
	lib.is_false(v.https_only)
	r := lib.attr_result(app, v, "https_only", sprintf("%s sets https_only = false, so it serves plain HTTP", [lib.describe(app)]))
}
