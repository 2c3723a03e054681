/// Formats instants (epoch ms) as UTC text, for export files and operator output.
public enum UTCText {
    /// `2026-11-24T09:16:44Z`.
    public static func iso8601(_ epochMilliseconds: Int64) -> String {
        let civil = CivilDateTime(epochMilliseconds: epochMilliseconds, offsetSeconds: 0)
        return "\(date(civil))T\(pad(civil.hour, 2)):\(pad(civil.minute, 2)):\(pad(civil.second, 2))Z"
    }

    /// `2026-11-24`.
    public static func day(_ epochMilliseconds: Int64) -> String {
        date(CivilDateTime(epochMilliseconds: epochMilliseconds, offsetSeconds: 0))
    }

    private static func date(_ civil: CivilDateTime) -> String {
        "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
