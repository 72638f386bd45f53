import Foundation

/// What a standup leaves in the activity log when it ends: one `standup` entry by the
/// facilitator at the end time, with `from` the start time (ISO 8601) and `to` a
/// `key=value` list: `walk=work;seconds=872;spoke=ann,bob;parked=k3v9x2qa,x7`. A standup left
/// open overnight still writes one entry, when it ends; a crash writes none (every edit made
/// during it was saved as it happened).
public struct StandupRecord: Equatable, Sendable {
    public var facilitator: String
    /// Seconds since epoch.
    public var started: Timestamp
    public var ended: Timestamp
    /// `work` or `people`.
    public var walk: String
    /// Who spoke (the people walked), in order.
    public var spoke: [String]
    /// Items parked for after the standup.
    public var parked: [String]
    /// Time the meeting ran, pauses left out (seconds).
    public var seconds: Int

    public init(facilitator: String, started: Timestamp, ended: Timestamp, walk: String, spoke: [String], parked: [String], seconds: Int) {
        self.facilitator = facilitator; self.started = started; self.ended = ended
        self.walk = walk; self.spoke = spoke; self.parked = parked; self.seconds = seconds
    }

    /// The activity entry for this record.
    public var activity: Activity {
        let fields = "walk=\(walk);seconds=\(seconds);spoke=\(spoke.joined(separator: ","));parked=\(parked.joined(separator: ","))"
        return Activity(at: ended, by: facilitator, item: nil, action: "standup", field: "standup",
                        from: ISODate.format(started), to: fields)
    }

    /// Reads a `standup` entry back; nil for any other entry.
    public init?(_ a: Activity) {
        guard a.action == "standup" else { return nil }
        var values: [String: String] = [:]
        for pair in (a.to ?? "").split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { values[kv[0]] = kv[1] }
        }
        func list(_ k: String) -> [String] { (values[k] ?? "").split(separator: ",").map(String.init) }
        self.init(facilitator: a.by, started: a.from.flatMap(ISODate.parse) ?? a.at, ended: a.at,
                  walk: values["walk"] ?? "work", spoke: list("spoke"), parked: list("parked"),
                  seconds: Int(values["seconds"] ?? "") ?? Int(max(0, a.at - (a.from.flatMap(ISODate.parse) ?? a.at))))
    }

    /// The newest standup of the board (by end time), if any.
    public static func last(in board: Board) -> StandupRecord? {
        var best: StandupRecord?
        for a in board.activity.reversed() where a.action == "standup" {
            if let r = StandupRecord(a), best.map({ r.ended > $0.ended }) ?? true { best = r }
        }
        return best
    }
}

extension Board {
    /// Writes `record` to the activity log (not undoable: the meeting happened).
    public mutating func recordStandup(_ record: StandupRecord) {
        activity.append(record.activity)
    }
}
