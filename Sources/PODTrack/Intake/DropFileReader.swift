import PODTrackCore

/// Streams a file through a source's reader into any output: the ledger's applier, or `podtrack try`'s printer.
public enum DropFileReader {
    /// Streams the file at `path` through `source`'s reader into `output`; throws `DropFailure`
    /// when the whole file would be quarantined.
    public static func read(path: String, source: CompiledSource, into output: DropOutput) throws -> DropCounts {
        var reader = source.makeReader()
        try FileChunks.read(path) { chunk in try reader.feed(chunk, into: output) }
        return try reader.finish(into: output)
    }
}
