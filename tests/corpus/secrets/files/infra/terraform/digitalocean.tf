provider "digitalocean" {
  token = "dop_v1_d795015e6fca2d95c23dbc810ecc17c7ef311a04521ed7ea9c96535ea178c16d"
}

resource "digitalocean_droplet" "bastion" {
  image  = "ubuntu-24-04-x64"
  name   = "bastion-1"
  region = "ams3"
  size   = "s-1vcpu-1gb"
}
