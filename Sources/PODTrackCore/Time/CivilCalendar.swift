/// Proleptic Gregorian calendar arithmetic on day numbers, after Howard Hinnant's
/// `days_from_civil` / `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html).
///
/// Day 0 is 1970-01-01. All functions are branch-light, allocation-free and valid for every year
/// whose day number fits in `Int`; callers validate ranges.
public enum CivilCalendar {
    /// Milliseconds in one civil day (no leap seconds).
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 of the civil date `year-month-day` (month 1–12, day 1–31).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let marchBasedYear = month <= 2 ? year - 1 : year
        let era = (marchBasedYear >= 0 ? marchBasedYear : marchBasedYear - 399) / 400
        let yearOfEra = marchBasedYear - era * 400                            // [0, 399]
        let marchBasedMonth = month > 2 ? month - 3 : month + 9               // [0, 11], March = 0
        let dayOfYear = (153 * marchBasedMonth + 2) / 5 + day - 1             // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of `days` since 1970-01-01; the inverse of ``daysFromCivil(year:month:day:)``.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468                                          // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097                                // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // [0, 365]
        let marchBasedMonth = (5 * dayOfYear + 2) / 153                       // [0, 11]
        let day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1             // [1, 31]
        let month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `value` divided by `divisor` rounded towards negative infinity, with the matching
    /// non-negative remainder (`divisor` must be positive).
    static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
