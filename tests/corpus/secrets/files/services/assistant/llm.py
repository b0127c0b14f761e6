from openai import OpenAI

client = OpenAI(api_key="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")


def summarize(text):
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return r.choices[0].message.content
