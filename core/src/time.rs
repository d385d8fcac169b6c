//! Instants as Unix seconds, parsed from and written as RFC 3339 without a date library.

use std::fmt;

/// A point in time, in seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`. A missing offset is read as UTC, which is
    /// what WordPress's `date_gmt` means.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.trim().as_bytes();
        if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let num = |from: usize, to: usize| -> Option<i64> {
            let s = std::str::from_utf8(b.get(from..to)?).ok()?;
            if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
        };
        let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
        let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            rest = &rest[1 + digits..];
        }
        let offset = match rest {
            [] | [b'Z'] | [b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let digits = [*h1, *h2, *m1, *m2];
                if !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let d = |i: usize| i64::from(digits[i] - b'0');
                let minutes = (d(0) * 10 + d(1)) * 60 + d(2) * 10 + d(3);
                if *sign == b'-' { -minutes * 60 } else { minutes * 60 }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        Some(Timestamp(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset))
    }

    /// Milliseconds since the epoch, as JavaScript's `Date` takes them.
    pub fn as_millis(self) -> f64 {
        self.0 as f64 * 1000.0
    }
}

/// Writes RFC 3339 in UTC: `2026-11-02T14:05:00Z`.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(f, "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn parses_utc_offsets_and_fractions() {
        assert_eq!(Timestamp::parse("1970-01-01T00:00:00Z"), Some(Timestamp(0)));
        assert_eq!(Timestamp::parse("2026-11-02T14:05:00Z"), Some(Timestamp(1_793_628_300)));
        assert_eq!(Timestamp::parse("2026-11-02T15:05:00+01:00"), Some(Timestamp(1_793_628_300)));
        assert_eq!(Timestamp::parse("2026-11-02T09:05:00.123-05:00"), Some(Timestamp(1_793_628_300)));
        // WordPress's date_gmt has no offset and means UTC.
        assert_eq!(Timestamp::parse("2026-11-02T14:05:00"), Some(Timestamp(1_793_628_300)));
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in ["", "2026-11-02", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-02T24:00:00Z",
            "2026-11-02T14:05:00+1:00", "2026-11-02T14:05:00.Z", "２０２６-11-02T14:05:00Z", "2026-11-02T14:05:00Zjunk"]
        {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_through_display() {
        for text in ["2026-11-02T14:05:00Z", "2024-02-29T23:59:59Z", "1969-12-31T23:59:59Z", "2000-03-01T00:00:00Z"] {
            assert_eq!(Timestamp::parse(text).map(|t| t.to_string()).as_deref(), Some(text));
        }
    }
}
