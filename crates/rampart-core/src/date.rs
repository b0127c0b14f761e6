use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar date (UTC), used for ignore-entry expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A date that is not `YYYY-MM-DD`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid date `{0}`: expected YYYY-MM-DD, e.g. 2027-01-31")]
pub struct DateError(String);

impl Date {
    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for `secs` since the Unix epoch (UTC).
    pub fn rfc3339(secs: u64) -> String {
        let date = Date::from_days_since_epoch((secs / 86_400) as i64);
        let rem = secs % 86_400;
        format!(
            "{date}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        )
    }

    /// Now as RFC 3339, or `SOURCE_DATE_EPOCH` when set (reproducible outputs).
    pub fn now_rfc3339() -> String {
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0)
            });
        Date::rfc3339(secs)
    }

    /// Seconds since the Unix epoch now (wall clock; `SOURCE_DATE_EPOCH` is not applied).
    pub fn now_seconds() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }

    /// Seconds since the Unix epoch of an RFC 3339 time (`2024-05-01T12:00:00Z`, fractions
    /// and offsets accepted), or `None` if it does not parse.
    pub fn parse_rfc3339_seconds(text: &str) -> Option<u64> {
        let text = text.trim();
        let date: Date = text.get(..10)?.parse().ok()?;
        let rest = text.get(10..)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let hms = rest.get(..8)?;
        let mut fields = hms.split(':').map(|f| f.parse::<i64>().ok());
        let (Some(Some(h)), Some(Some(m)), Some(Some(sec))) =
            (fields.next(), fields.next(), fields.next())
        else {
            return None;
        };
        let mut zone = rest.get(8..)?;
        if let Some(fraction) = zone.strip_prefix('.') {
            zone = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let offset = match zone {
            "Z" | "z" | "" => 0,
            _ => {
                let sign = match zone.get(..1)? {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                let digits = zone.get(1..)?.replace(':', "");
                let hours: i64 = digits.get(..2)?.parse().ok()?;
                let minutes: i64 = digits.get(2..4).unwrap_or("00").parse().ok()?;
                sign * (hours * 3600 + minutes * 60)
            }
        };
        let secs = date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec - offset;
        u64::try_from(secs).ok()
    }

    // Howard Hinnant's days-from-civil, the inverse of `from_days_since_epoch`.
    fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    // Howard Hinnant's civil-from-days; exact for the proleptic Gregorian calendar.
    fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError(s.to_string());
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let month: u8 = m.parse().map_err(|_| err())?;
        let day: u8 = d.parse().map_err(|_| err())?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(err()),
        };
        if day == 0 || day > days_in_month {
            return Err(err());
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_parses_back_to_the_seconds_it_was_made_from() {
        for secs in [0u64, 86_399, 951_782_400, 1_700_000_000, 4_102_444_800] {
            assert_eq!(
                Date::parse_rfc3339_seconds(&Date::rfc3339(secs)),
                Some(secs)
            );
        }
        assert_eq!(
            Date::parse_rfc3339_seconds("2024-01-01T01:00:00.123+01:00"),
            Date::parse_rfc3339_seconds("2024-01-01T00:00:00Z")
        );
        for bad in [
            "",
            "2024-01-01",
            "2024-13-01T00:00:00Z",
            "2024-01-01T0a:00:00Z",
            "2024-01-01T00:00:00+x",
        ] {
            assert_eq!(Date::parse_rfc3339_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn converts_known_days() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_781).to_string(),
            "2026-11-24"
        );
    }

    #[test]
    fn formats_timestamps() {
        assert_eq!(Date::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(Date::rfc3339(1_795_500_000), "2026-11-24T06:00:00Z");
    }

    #[test]
    fn parses_and_validates() {
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2023-13-01".parse::<Date>().is_err());
        assert!("tomorrow".parse::<Date>().is_err());
        assert!("2023-1-01".parse::<Date>().is_err());
        let a: Date = "2026-01-31".parse().unwrap();
        let b: Date = "2026-02-01".parse().unwrap();
        assert!(a < b);
    }
}
