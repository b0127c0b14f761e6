export const apiKey = process.env.NEXT_PUBLIC_API_KEY ?? "";
export const stripeKey = import.meta.env.VITE_STRIPE_KEY;
export const passwordField = "password";
export const tokenHeader = "X-Auth-Token";
