provider "github" {
  owner = "helios-labs"
  token = "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"
}

resource "github_repository" "infra" {
  name       = "infra"
  visibility = "private"
}
