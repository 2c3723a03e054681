/// Durations and ages as an operator reads them: `45 s`, `12 min`, `5 h`, `3 d`.
public enum DurationText {
    public static func of(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<7200: return "\(seconds / 60) min"
        case ..<172_800: return "\(seconds / 3600) h"
        default: return "\(seconds / 86_400) d"
        }
    }

    /// `12 min ago`, or `never` without a time.
    public static func ago(_ time: Int64?, now: Int64) -> String {
        time.map { "\(of(milliseconds: now - $0)) ago" } ?? "never"
    }
}
