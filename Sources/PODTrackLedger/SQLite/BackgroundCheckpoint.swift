import CSQLite
import Foundation

/// Copies the write-ahead log into the database file on a thread and connection of its own,
/// instead of in the commit that filled it. SQLite's automatic checkpoint runs inside the commit
/// that leaves 1 000 frames or more in the log: the batch of an incremental round of the 200k
/// world then waited for 6 000 pages to be copied and for the database file's `fdatasync`
/// (about 110 ms of disk), while the exports that follow could have run. Here that commit only
/// asks for a checkpoint (`sqlite3_wal_hook`, which replaces the automatic one on the writing
/// connection), and the thread runs a passive one, which waits for nobody and copies what no
/// reader still needs, beside the writer's next transactions. When the ledger closes it is
/// stopped first (`stop`), and the ledger's own checkpoint copies the rest
/// (`recycleWriteAheadLog`). A checkpoint that fails leaves the log as it is, to be copied by the
/// next one: nothing is lost. Round 48 of the 200k incremental world: 1.17 s against 1.27 s (six
/// alternating runs each); the whole world 59.1 s against 62.9 s; the final-only world as before.
/// The log file grows to 152 MB instead of 136 MB there (166 against 99 MB on the final-only
/// world, `inlineFrames`), the pass's peak by 1.5 MB (the thread and its connection).
final class BackgroundCheckpoint: @unchecked Sendable {
    /// The frames a commit leaves in the log before it asks for a checkpoint: SQLite's own
    /// automatic threshold.
    static let frames: Int32 = 1_000
    /// The frames past which the committing connection copies the log itself, as SQLite would,
    /// once the thread is done: a writer that begins while a checkpoint is still copying cannot
    /// restart the log and appends to it, so batch after batch of a long pass would make it ever
    /// longer (426 MB on the 200k final-only world without this bound, 99 MB with SQLite's own
    /// checkpoints). 8 192 frames of 16 KiB are 128 MiB, more than an incremental round's batch
    /// writes (about 6 600 on the 200k world).
    static let inlineFrames: Int32 = 8_192

    private let path: String
    private let threshold: Int32
    private let inlineThreshold: Int32
    /// Guards everything below it.
    private let condition = NSCondition()
    private var wanted = false
    private var stopping = false
    private var started = false
    private var finished = false
    private var copying = false
    /// Checkpoints run so far, for tests.
    private var runs = 0

    /// A checkpointer for the database file at `path`, listening to `database`'s commits, which
    /// asks for a checkpoint from `frames` frames of log on and copies the log on the committing
    /// connection from `inlineFrames` on.
    init(path: String, listeningTo database: Database, frames: Int32 = BackgroundCheckpoint.frames,
         inlineFrames: Int32 = BackgroundCheckpoint.inlineFrames) {
        self.path = path
        threshold = frames
        inlineThreshold = max(frames, inlineFrames)
        sqlite3_wal_hook(database.handle, { context, connection, _, frames in
            guard let context else { return SQLITE_OK }
            let checkpoint = Unmanaged<BackgroundCheckpoint>.fromOpaque(context).takeUnretainedValue()
            if frames >= checkpoint.inlineThreshold {
                checkpoint.waitWhileRunning()
                sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if frames >= checkpoint.threshold {
                checkpoint.request()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// How many checkpoints the thread has run.
    var checkpointsRun: Int {
        condition.withLock { runs }
    }

    /// Stops listening to `database`, then the thread, waiting for a checkpoint in progress.
    func stop(listeningTo database: Database) {
        sqlite3_wal_hook(database.handle, nil, nil)
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while started && !finished { condition.wait() }
    }

    /// Returns once the thread is not copying (nor about to).
    private func waitWhileRunning() {
        condition.lock()
        defer { condition.unlock() }
        while (wanted || copying) && !finished { condition.wait() }
    }

    /// Asks for a checkpoint; the thread starts with the first one asked for.
    private func request() {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return }
        wanted = true
        if !started {
            started = true
            Thread { self.run() }.start()
        }
        condition.broadcast()
    }

    /// The thread: a checkpoint each time one is asked for, until stopped. Its connection is
    /// closed before `stop` returns, so the ledger's own connection is the last to close.
    private func run() {
        do {
            let connection = try? Database(path: path)
            checkpointUntilStopped(on: connection)
        }
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    private func checkpointUntilStopped(on connection: Database?) {
        while true {
            condition.lock()
            while !wanted && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                return
            }
            wanted = false
            copying = true
            condition.unlock()
            try? connection?.execute("PRAGMA wal_checkpoint(PASSIVE)")
            condition.withLock {
                copying = false
                runs += 1
                condition.broadcast()
            }
        }
    }
}
