import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic({ apiKey: "sk-ant-api03-TnYXEonITrZVDf22mRrMXSHkFjSBBpSVkm88p9MTQJB4d6F7Cg_RNZuJYBnL6PnfuML5WNtEEom8ImpbMKpRoS9_wEQ06AA" });

export async function ask(prompt: string) {
  return anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, messages: [{ role: "user", content: prompt }] });
}
