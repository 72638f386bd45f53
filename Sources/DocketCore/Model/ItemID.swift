/// Makes item ids: 8 characters from a 32-letter alphabet (digits and lowercase letters
/// without i, l, o, u), drawn from the system's cryptographic random source.
///
/// 40 random bits: two machines that each add an item to the same board collide with a
/// chance of about one in a trillion, and `make(avoiding:)` retries on a local clash, so an
/// id is as safe to merge as a git hash prefix.
public enum ItemID {
    /// The id alphabet, in ASCII order.
    public static let alphabet: [Character] = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// Length of a generated id in characters.
    public static let length = 8

    /// A fresh random id that is not a key of `existing`.
    public static func make(avoiding existing: [String: Item]) -> String { make { existing[$0] != nil } }

    /// A fresh random id that is not in `existing`.
    public static func make(avoiding existing: ItemStore) -> String { make { existing[$0] != nil } }

    /// A fresh random id for which `taken` is false.
    public static func make(taken: (String) -> Bool) -> String {
        var rng = SystemRandomNumberGenerator()
        while true {
            let id = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if !taken(id) { return id }
        }
    }

    /// An id computed from `key` (FNV-1a, 64 bits, in the id alphabet): the same key always
    /// gives the same id, for imports whose source has no ids of its own (Markdown), so a
    /// re-import matches the items it created before.
    public static func derived(from key: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var out = ""
        for _ in 0..<length { out.append(alphabet[Int(h % UInt64(alphabet.count))]); h /= UInt64(alphabet.count) }
        return out
    }

    /// True when `text` looks like an id we could have written: 1–64 characters, letters,
    /// digits, `-` or `_` (imported ids such as Trello's 24-hex ids are kept as they are).
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 64 else { return false }
        return text.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 95
        }
    }
}
