package internal

const vaultAddr = "https://vault.helios.internal:8200"
const vaultToken = "hvs.ljVpB-RLaI-FL0qT-tbF0KWWldNHCOikdosxarRA_7OrSGeyXbKhya5f37ExiPPuIbuycREQDhThyaVhWigHnjr65G"
