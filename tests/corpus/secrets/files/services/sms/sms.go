package sms

import "github.com/twilio/twilio-go"

const (
	apiKey    = "SK52c20086da17567299cab3b3ca2cb414"
	apiSecret = "rdLR6TSwLaBIoFsdKmREpUHzy1F8mjfo"
)

func Client(accountSid string) *twilio.RestClient {
	return twilio.NewRestClientWithParams(twilio.ClientParams{Username: apiKey, Password: apiSecret, AccountSid: accountSid})
}
