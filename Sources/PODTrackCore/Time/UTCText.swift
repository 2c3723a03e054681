/// Formats instants (epoch ms) as UTC text, for export files and operator output.
public enum UTCText {
    /// `2026-11-24T09:16:44Z`.
    public static func iso8601(_ epochMilliseconds: Int64) -> String {
        let civil = CivilDateTime(epochMilliseconds: epochMilliseconds, offsetSeconds: 0)
        return "\(date(civil))T\(civil.hour.zeroPadded(2)):\(civil.minute.zeroPadded(2)):\(civil.second.zeroPadded(2))Z"
    }

    /// `20261124T091644Z`: for file names.
    public static func compact(_ epochMilliseconds: Int64) -> String {
        let civil = CivilDateTime(epochMilliseconds: epochMilliseconds, offsetSeconds: 0)
        return civil.year.zeroPadded(4) + civil.month.zeroPadded(2) + civil.day.zeroPadded(2) + "T"
            + civil.hour.zeroPadded(2) + civil.minute.zeroPadded(2) + civil.second.zeroPadded(2) + "Z"
    }

    /// `2026-11-24`.
    public static func day(_ epochMilliseconds: Int64) -> String {
        date(CivilDateTime(epochMilliseconds: epochMilliseconds, offsetSeconds: 0))
    }

    private static func date(_ civil: CivilDateTime) -> String {
        "\(civil.year.zeroPadded(4))-\(civil.month.zeroPadded(2))-\(civil.day.zeroPadded(2))"
    }
}
