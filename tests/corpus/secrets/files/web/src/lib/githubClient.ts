import { Octokit } from "@octokit/rest";

// user-to-server token captured during the OAuth app review, remove before release
const USER_TOKEN = "ghu_HEnBzPkvt121SGesUEiJW4MYtTRxOc3CryGj";

export const octokit = new Octokit({ auth: USER_TOKEN, userAgent: "helios-web" });
