from slack_sdk import WebClient

client = WebClient(token="xoxb-482557862924-7765636625415-9BmqcijKIsQO0DeM34X1XCzp")


def notify(channel, text):
    client.chat_postMessage(channel=channel, text=text)
