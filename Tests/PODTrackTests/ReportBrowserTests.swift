import Foundation
import Testing

/// The demo report as headless Chromium shows it. Checked:
/// - the screenshot is a real PNG (signature, then an IHDR chunk saying 1280×2000) and at least five
///   times the size of a screenshot of an empty page taken the same way: PNG compresses a blank page
///   to a few KB (about 12 KB here), while text, bars and charts make it far larger (about 190 KB);
/// - the DOM Chromium built holds the sections, every SVG of the file, and no `<img>` element (the
///   hostile file name stayed text);
/// - neither run logged a `CONSOLE` line: with `--enable-logging=stderr` Chromium logs there every
///   console message of the page, uncaught exceptions and Content-Security-Policy violations (a
///   blocked script or resource) included.
@Suite(.enabled(if: Chromium.path != nil && PodtrackBinary.isBuilt, "needs chromium on the PATH and the podtrack executable"))
struct ReportBrowserTests {
    @Test func theReportRendersInHeadlessChromiumWithoutConsoleMessages() throws {
        let fixture = try DemoReportFixture()
        let folder = fixture.folder
        let blankPage = folder.path("blank.html")
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: blankPage)

        let blank = try Chromium.screenshot(blankPage, to: folder.path("blank.png"), profile: folder.path("profile-blank"))
        let shot = try Chromium.screenshot(fixture.page, to: folder.path("report.png"), profile: folder.path("profile-shot"))
        let dom = try Chromium.dumpDOM(fixture.page, profile: folder.path("profile-dom"))
        for run in [blank, shot, dom] { #expect(run.status == 0, "chromium failed:\n\(run.output)") }

        let png = try Data(contentsOf: folder.path("report.png"))
        let blankSize = try Data(contentsOf: folder.path("blank.png")).count
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && png.count > 24)
        #expect(png.count > 24 && Self.bigEndian(png, at: 16) == 1280 && Self.bigEndian(png, at: 20) == 2000, "IHDR says 1280×2000")
        #expect(png.count > 5 * blankSize, "report screenshot \(png.count) bytes, blank page \(blankSize) bytes")

        for text in ["<h2>Status funnel</h2>", "<h2>Events per hour</h2>", "<section id=\"quarantine\">", "&lt;img src=x"] {
            #expect(dom.output.contains(text), "the rendered DOM should contain \(text)")
        }
        #expect(dom.output.components(separatedBy: "<svg").count == fixture.html.components(separatedBy: "<svg").count)
        #expect(!dom.output.contains("<img"))

        for line in (shot.output + "\n" + dom.output).split(separator: "\n") {
            #expect(!line.contains("CONSOLE") && !line.contains("Uncaught"), "console message: \(line)")
        }
    }

    private static func bigEndian(_ data: Data, at offset: Int) -> Int {
        data.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | Int($1) }
    }
}
