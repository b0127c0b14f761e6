package main

import (
	"context"
	"log"

	"github.com/google/go-github/v62/github"
)

var token = "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"

func main() {
	client := github.NewClient(nil).WithAuthToken(token)
	repos, _, err := client.Repositories.ListByOrg(context.Background(), "helios-labs", nil)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d repos", len(repos))
}
