const ANALYTICS_API_KEY = "44ee5259c45171da300598f3b2cf2c7c";
export const track = (event) => navigator.sendBeacon(`https://t.helios-labs.io/e?k=${ANALYTICS_API_KEY}`, JSON.stringify(event));
