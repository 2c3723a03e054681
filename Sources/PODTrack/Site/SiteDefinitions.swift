import Foundation
import PODTrackCore

/// A tenant's sources and storefronts, loaded from `Pipelines/<tenant>/`.
public struct TenantDefinitions: Sendable {
    public var name: String
    public var sources: [CompiledSource]
    public var storefronts: [StorefrontDefinition]
    public var settings: TenantSettings
}

/// Every definition of a site, compiled: `Pipelines/<tenant>/sources/*.json` and `storefronts/*.json`.
public struct SiteDefinitions: Sendable {
    public var tenants: [TenantDefinitions]

    /// Loads and compiles all definitions; throws every problem found, with file and key.
    public static func load(_ site: Site) throws(DefinitionProblems) -> SiteDefinitions {
        var problems: [DefinitionProblem] = []
        var tenants: [TenantDefinitions] = []
        let tenantNames = directories(in: site.pipelines)
        if tenantNames.isEmpty {
            let exists = FileManager.default.fileExists(atPath: site.pipelines.path)
            let message = exists
                ? "no tenant folders in \(site.pipelines.path): expected Pipelines/<tenant>/sources/*.json"
                : "there is no \(site.pipelines.path): run podtrack in the site's folder, or name it with --site DIR"
            throw DefinitionProblems([DefinitionProblem(file: site.relative(site.pipelines), key: "", message: message)])
        }
        for tenant in tenantNames {
            let folder = site.pipelines.appendingPathComponent(tenant, isDirectory: true)
            if !DefinitionName.isValid(tenant) {
                problems.append(DefinitionProblem(file: site.relative(folder), key: "", message: "tenant name '\(tenant)' must use only a-z, 0-9 and -"))
                continue
            }
            let sources = loadEach(in: folder.appendingPathComponent("sources"), site: site, problems: &problems) { name, label, data throws(DefinitionProblems) in
                try CompiledSource(SourceDefinition.parse(tenant: tenant, name: name, file: label, data: data), file: label)
            }
            let storefronts = loadEach(in: folder.appendingPathComponent("storefronts"), site: site, problems: &problems) { name, label, data throws(DefinitionProblems) in
                try StorefrontDefinition.parse(tenant: tenant, name: name, file: label, data: data)
            }
            problems += duplicateChannels(storefronts, site: site, folder: folder)
            var settings = TenantSettings.defaults
            let settingsFile = folder.appendingPathComponent("tenant.json")
            if FileManager.default.fileExists(atPath: settingsFile.path) {
                let label = site.relative(settingsFile)
                do {
                    settings = try TenantSettings.parse(file: label, data: try readFile(settingsFile, label: label))
                } catch {
                    problems += error.problems
                }
            }
            tenants.append(TenantDefinitions(name: tenant, sources: sources, storefronts: storefronts, settings: settings))
        }
        guard problems.isEmpty else { throw DefinitionProblems(problems) }
        return SiteDefinitions(tenants: tenants)
    }

    /// Parses every `*.json` file of `folder` (name = file name without `.json`), collecting problems.
    private static func loadEach<T>(in folder: URL, site: Site, problems: inout [DefinitionProblem],
                                    _ parse: (_ name: String, _ label: String, _ data: Data) throws(DefinitionProblems) -> T) -> [T] {
        jsonFiles(in: folder).compactMap { file -> T? in
            let label = site.relative(file)
            do throws(DefinitionProblems) {
                return try parse(file.deletingPathExtension().lastPathComponent, label, try readFile(file, label: label))
            } catch {
                problems += error.problems
                return nil
            }
        }
    }

    private static func duplicateChannels(_ storefronts: [StorefrontDefinition], site: Site, folder: URL) -> [DefinitionProblem] {
        Dictionary(grouping: storefronts, by: \.channel).filter { $0.value.count > 1 }.map { channel, sharing in
            DefinitionProblem(file: site.relative(folder.appendingPathComponent("storefronts")), key: "channel",
                              message: "storefronts \(sharing.map(\.name).sorted().joined(separator: " and ")) both claim channel \(channel)")
        }
    }

    private static func readFile(_ file: URL, label: String) throws(DefinitionProblems) -> Data {
        do {
            return try Data(contentsOf: file)
        } catch {
            throw DefinitionProblems([DefinitionProblem(file: label, key: "", message: "cannot be read: \(error.localizedDescription)")])
        }
    }

    static func directories(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    private static func jsonFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The source `tenant/source`, if defined.
    public func source(tenant: String, name: String) -> CompiledSource? {
        tenants.first { $0.name == tenant }?.sources.first { $0.definition.name == name }
    }
}
