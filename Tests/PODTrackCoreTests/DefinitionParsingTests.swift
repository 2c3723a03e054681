import Foundation
import Testing
@testable import PODTrackCore

@Suite struct DefinitionParsingTests {
    private func parseSource(_ json: String, name: String = "erp") throws(DefinitionProblems) -> CompiledSource {
        let definition = try SourceDefinition.parse(tenant: "acme", name: name, file: "sources/\(name).json", data: Data(json.utf8))
        return try CompiledSource(definition, file: "sources/\(name).json")
    }

    private func problems(_ json: String, name: String = "erp") -> [String] {
        do {
            _ = try parseSource(json, name: name)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    private let validLog = """
        {"kind": "print", "files": ["rip-*.log"], "format": {"type": "line-log", "pattern": "{time:token} job={job} name={name} state={state}"},
         "extract": {"name": "{order}-{line:digits}_{_}"},
         "fields": {"order": "order", "line": "line", "status": "state", "time": "time", "job": "job"},
         "time": {"format": "iso8601", "zone": "Europe/Berlin"},
         "states": {"PRINTED": "printed", "CANCELLED": null}}
        """

    @Test func aTrackingURLTemplateTakesTheNumberWhereverItSaysSo() {
        #expect(StorefrontCarrier(name: "UPS", trackingURL: "https://ups.example/track?n={tracking}&l=de").trackingURL(for: "1Z9")
                == "https://ups.example/track?n=1Z9&l=de")
        #expect(StorefrontCarrier(name: "DHL", trackingURL: "https://dhl.example/{tracking}").trackingURL(for: "00340") == "https://dhl.example/00340")
        #expect(StorefrontCarrier(name: "Post").trackingURL(for: "X") == nil)
        #expect(StorefrontCarrier(name: "Any", trackingURL: "https://é.example/{track}/{{tracking}}?n={tracking}").trackingURL(for: "1Z9")
                == "https://é.example/{track}/{1Z9}?n=1Z9", "every placeholder, and nothing that only looks like one")
    }

    @Test func aValidDefinitionCompiles() throws {
        let source = try parseSource(validLog, name: "rip")
        #expect(source.definition.kind == .print)
        #expect(source.matches(fileName: "rip-atlas01-20261124.log"))
        #expect(!source.matches(fileName: "rip-atlas01-20261124.log.tmp"))
        #expect(source.definition.states["CANCELLED"] == .some(nil))
    }

    @Test func everyProblemIsNamedWithFileAndKey() {
        let found = problems("""
            {"kind": "erp", "files": "ORDERS_*.csv", "encoding": "latin-9", "format": {"type": "csv", "delimeter": ";"},
             "fields": {"order": "OrderNo", "line": "Line", "status": "Status", "colour": "Colour"},
             "time": {"format": "dd.MM.yyyy", "zone": "Europe/Berlin"},
             "states": {"NEW": "recieved"}}
            """)
        #expect(found.contains { $0.hasPrefix("sources/erp.json: encoding: 'latin-9' is not supported") })
        #expect(found.contains { $0.hasPrefix("sources/erp.json: format.delimeter: unknown key") })
        #expect(found.contains { $0.hasPrefix("sources/erp.json: fields.colour: not a field of this kind of source") })
        #expect(found.contains { $0.hasPrefix("sources/erp.json: fields.time: missing") })
        #expect(found.contains { $0.hasPrefix("sources/erp.json: states.NEW: 'recieved' is not a canonical state") })
    }

    @Test func compileProblemsNameTheirKey() {
        let broken = validLog
            .replacingOccurrences(of: "iso8601", with: "yyyy-MM-dd QQ")
            .replacingOccurrences(of: "Europe/Berlin", with: "Europe/Atlantis")
            .replacingOccurrences(of: "{order}-{line:digits}_{_}", with: "{order}-{line:number}")
        let found = problems(broken, name: "rip")
        #expect(found.contains { $0.hasPrefix("sources/rip.json: time.format:") })
        #expect(found.contains { $0.hasPrefix("sources/rip.json: time.zone: 'Europe/Atlantis' is not an IANA time zone") })
        #expect(found.contains { $0.hasPrefix("sources/rip.json: extract.name:") })
    }

    @Test func fieldsMustNameCapturesThePatternHas() {
        let found = problems(validLog.replacingOccurrences(of: "\"job\": \"job\"", with: "\"job\": \"jobid\""), name: "rip")
        #expect(found == ["sources/rip.json: fields: the file has no field 'jobid' (the definition's fields.job names it); it has: time, job, name, state"])
    }

    @Test func namesAreRestrictedToLowercaseLettersDigitsAndDashes() {
        #expect(problems(validLog, name: "Rip_Server").contains { $0.contains("must use only a-z, 0-9 and -") })
        #expect(DefinitionName.isValid("shopify-eu"))
        #expect(!DefinitionName.isValid("shopify eu"))
        #expect(!DefinitionName.isValid(""))
    }

    @Test func brokenJSONIsOneProblemWithoutAKey() {
        let found = problems("{\"kind\": \"erp\",")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("sources/erp.json: not valid JSON") == true)
    }

    @Test func storefrontVocabulariesMustBeComplete() {
        let json = """
            {"channel": "SHOPIFY-EU", "format": "shopify", "order_status": {"open": "unfulfilled", "shiped": "fulfilled"},
             "shipment_status": {}, "carriers": {"ups": {"name": "UPS", "tracking_url": "https://ups.example/"}}}
            """
        do {
            _ = try StorefrontDefinition.parse(tenant: "acme", name: "shop", file: "storefronts/shop.json", data: Data(json.utf8))
            Issue.record("an incomplete vocabulary must be refused")
        } catch {
            let found = error.problems.map(\.description)
            #expect(found.contains("storefronts/shop.json: order_status.shiped: not an order state (open, on_hold, in_production, needs_attention, partially_shipped, shipped, partially_delivered, delivered, returned, cancelled)"))
            #expect(found.contains("storefronts/shop.json: order_status.delivered: missing: every order state needs a word in this storefront's vocabulary"))
            #expect(found.contains("storefronts/shop.json: shipment_status.in_transit: missing: a shipment can be in this state"))
            #expect(found.contains("storefronts/shop.json: carriers.ups.tracking_url: must contain {tracking} where the tracking number goes"))
        }
    }
}
