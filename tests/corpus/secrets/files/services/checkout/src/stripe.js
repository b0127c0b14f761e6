const Stripe = require("stripe");

const stripe = Stripe("sk_live_skdsAQC8ewoqzHICh8hNOsS7");

module.exports.charge = (amount, source) =>
  stripe.charges.create({ amount, currency: "eur", source });
