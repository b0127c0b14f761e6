package geo

import (
	"fmt"
	"net/http"
	"net/url"
)

const mapsAPIKey = "AIzaSyVOWfgAz3L7rSyqCukGtQVIKKDQYctcxAY"

func Geocode(address string) (*http.Response, error) {
	q := url.Values{"address": {address}, "key": {mapsAPIKey}}
	return http.Get(fmt.Sprintf("https://maps.googleapis.com/maps/api/geocode/json?%s", q.Encode()))
}
