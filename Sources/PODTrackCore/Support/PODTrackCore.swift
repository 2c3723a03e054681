/// The pure core of podtrack: decoding, parsing, time, pipeline definitions and the transforms
/// from bytes to status events. Nothing here touches the file system or the database.
public enum PODTrackCore {}
