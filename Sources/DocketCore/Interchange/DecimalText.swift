/// Numbers in imported cells, as spreadsheets write them: `3`, `0.5`, and with a decimal
/// comma (`1,5`) where the file's convention allows it (a `;`-separated CSV, `--decimal ,`).
enum DecimalText {
    /// Story points from `text`: a finite number ≥ 0, the comma read as the decimal mark when
    /// `decimalComma` (then `1.234,5` is 1234.5: dots are thousands). Nil when empty or not
    /// such a number.
    static func points(_ text: String, decimalComma: Bool) -> Double? {
        let t = CellText.trimmed(text)
        guard !t.isEmpty else { return nil }
        var plain = t
        if decimalComma, t.contains(",") {
            plain = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard let d = Double(plain), d.isFinite, d >= 0 else { return nil }
        return d
    }
}
