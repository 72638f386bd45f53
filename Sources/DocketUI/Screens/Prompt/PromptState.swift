import DocketCore

/// An inline prompt: what it is for, and the text being edited.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case addItem(stageID: String)
        case editTitle(itemID: String)
    }
    public var purpose: Purpose
    public var editor: LineEditor
    /// The item as it was when the edit began, to notice a change made elsewhere meanwhile.
    public var base: Item?
    public init(purpose: Purpose, editor: LineEditor, base: Item? = nil) {
        self.purpose = purpose; self.editor = editor; self.base = base
    }
}

