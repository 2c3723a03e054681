/// Hooks a pass calls as it goes, for logs and progress lines (the summary comes at the end).
public struct PassObserver {
    /// The pass found `files` complete files of `bytes` in all to take.
    public var started: (_ files: Int, _ bytes: Int) -> Void
    /// One drop is done (applied, duplicate, quarantined or deferred).
    public var dropFinished: (DropReport) -> Void
    /// One storefront's export is done (with or without a file).
    public var exportFinished: (ExportReport) -> Void

    public init(started: @escaping (Int, Int) -> Void = { _, _ in },
                dropFinished: @escaping (DropReport) -> Void = { _ in },
                exportFinished: @escaping (ExportReport) -> Void = { _ in }) {
        self.started = started
        self.dropFinished = dropFinished
        self.exportFinished = exportFinished
    }
}
