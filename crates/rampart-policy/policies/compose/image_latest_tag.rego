# METADATA
# id: compose-image-latest-tag
# title: Compose service image is not pinned to a version
# severity: medium
# kinds: [compose]
# description: >-
#   A service pulls its image with the `latest` tag or with no tag at all (which means `latest`)
#   and no digest. What runs then changes whenever the image is republished: deployments are
#   not reproducible, a rollback may not restore the old version, and a compromised or broken
#   upstream release is picked up on the next pull. Services that build their image (`build:`)
#   and images whose reference is interpolated (`${TAG}`) are not reported.
# remediation: >-
#   Pin a specific version, ideally with its digest:
#   `image: postgres:16.4-bookworm@sha256:<digest>`, and update it deliberately.
# references:
#   - https://docs.docker.com/reference/compose-file/services/#image
#   - https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
package rampart.compose.image_latest_tag

import data.rampart.compose.lib

unpinned(img) if not lib.image_tag(img)

unpinned(img) if lower(lib.image_tag(img)) == "latest"

deny contains r if {
	some name, svc in lib.services
	not "build" in object.keys(svc)
	img := object.get(svc, "image", "")
	is_string(img)
	img != ""
	not lib.interpolated(img)
	not lib.has_digest(img)
	unpinned(img)
	r := lib.result(svc, sprintf("service %q uses image %q without a version tag", [name, img]))
}
