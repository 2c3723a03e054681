import Foundation
import Testing

/// The demo site in a temporary folder plus one ERP drop whose name is an HTML injection attempt
/// and whose bytes cannot be decoded (so it is quarantined), run and then reported by the real binary.
struct DemoReportFixture {
    /// Matches the ERP's `ORDERS_*.csv`; a file name cannot hold `/`, so no closing tags.
    static let hostileName = #"ORDERS_<img src=x onerror="alert(1)">&amp.csv"#

    let folder: TemporaryFolder
    /// The report page `podtrack report --html` wrote.
    let page: URL
    let html: String
    /// What `podtrack report` printed.
    let reportOutput: String

    init() throws {
        folder = try TemporaryFolder()
        try DemoSite.copy(into: folder.url)
        let header = "OrderNo;Line;SKU;Qty;Channel;ChannelRef;ChannelLineRef;Status;Changed;Carrier;TrackingNo;ShipTo\r\n"
        var bytes = Data(header.utf8)
        bytes.append(0x81)  // undefined in Windows-1252: the drop cannot be decoded
        try bytes.write(to: folder.path("Inbox/acme/erp").appendingPathComponent(Self.hostileName))

        let run = try PodtrackBinary.run(["run", "--site", folder.url.path])
        try #require(run.output.contains("1 quarantined"), "the hostile drop should be quarantined:\n\(run.output)")
        page = folder.path("report.html")
        let report = try PodtrackBinary.run(["report", "--site", folder.url.path, "--html", page.path])
        try #require(report.status == 0, "podtrack report failed:\n\(report.output)")
        reportOutput = report.output
        html = try String(contentsOf: page, encoding: .utf8)
    }
}
