import Foundation

/// Triage decisions on an Inbox item, shared by the terminal's triage screen and the
/// command line: accept into a stage, decline with a reason, mark a duplicate, snooze.
/// Each is one `Edit` (undoable) with its own activity action (`accept`, `decline`,
/// `duplicate`, `snooze`); each throws `DocketError` for an unknown item or a bad value.
extension Board {
    /// The items waiting in Inbox stages, in rank order, leaving out those snoozed past `today`
    /// (`YYYY-MM-DD` in the user's time zone).
    public func triageQueue(today: String) -> [String] {
        stages.filter { $0.kind == .inbox }.flatMap { column($0.id) }.filter { id in
            guard let until = items[id]?.snoozedUntil else { return true }
            return until <= today
        }
    }

    /// The stages an Inbox item can be accepted into (every stage but the inbox ones).
    public var acceptStages: [Stage] { stages.filter { $0.kind != .inbox } }

    /// Accepts `id` into `stage` (and ends any snooze).
    public mutating func accept(_ id: String, into stage: Stage, by user: String, at time: Timestamp) throws -> Edit {
        try modify(id, action: "accept", summary: "accepted \(id) into \(stage.name)", by: user, at: time) {
            $0.stage = stage.id; $0.snoozedUntil = nil
        }
    }

    /// Declines `id`: archived, with the reason (if any) appended to its description as
    /// `Declined: REASON`.
    public mutating func decline(_ id: String, reason: String, by user: String, at time: Timestamp) throws -> Edit {
        let reason = reason.trimmingCharacters(in: .whitespaces)
        return try modify(id, action: "decline", summary: "declined \(id)", by: user, at: time) {
            $0.archived = true
            $0.archivedReason = reason.isEmpty ? nil : reason
            if !reason.isEmpty { $0.description += ($0.description.isEmpty ? "" : "\n\n") + "Declined: \(reason)" }
        }
    }

    /// Marks `id` a duplicate of `original`: archived, and its votes plus one (for itself)
    /// move to the original. Throws when `original` is `id` itself.
    public mutating func markDuplicate(_ id: String, of original: String, by user: String, at time: Timestamp) throws -> Edit {
        guard original != id else {
            throw DocketError.invalidValue(field: "duplicate", value: original, expected: "another item than the duplicate itself")
        }
        let votes = (items[id]?.votes ?? 0) + 1
        let dup = try modify(id, action: "duplicate", summary: "marked \(id) a duplicate of \(original)", by: user, at: time) {
            $0.duplicateOf = original; $0.archived = true
        }
        let orig = try modify(original, action: "votes", by: user, at: time) { $0.votes += votes }
        return dup.merged(with: orig, summary: dup.summary)
    }

    /// Snoozes `id` until `day` (`YYYY-MM-DD`), which must come after `today`.
    public mutating func snooze(_ id: String, until day: String, today: String, by user: String, at time: Timestamp) throws -> Edit {
        guard CalendarDay.isValid(day) else {
            throw DocketError.invalidValue(field: "snooze", value: day, expected: "a date YYYY-MM-DD")
        }
        guard day > today else {
            throw DocketError.invalidValue(field: "snooze", value: day, expected: "a date after today")
        }
        return try modify(id, action: "snooze", summary: "snoozed \(id) until \(day)", by: user, at: time) { $0.snoozedUntil = day }
    }
}
