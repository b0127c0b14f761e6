//! Static credentials for the internal metrics scraper.

pub const SCRAPER_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwcm9tZXRoZXVzIiwicm9sZSI6Im1ldHJpY3MiLCJpYXQiOjE3Mzg1ODIwNzAsImV4cCI6MjA1Mzk0MjA3MH0.2mrENxrFVqRJx-7sobRQWWjMmgUZ1JFJP-jnIAkdYXM";
