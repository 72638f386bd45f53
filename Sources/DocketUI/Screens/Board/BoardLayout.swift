import DocketCore

/// Where things go on the board screen for a terminal size: column widths, which columns
/// fit, and how many cards a column shows. Shared by `render` (to draw) and `update` (to
/// keep the selection visible and to map a mouse click to a card).
///
/// Rows: 0 column headers, 1 a rule, 2… cards (3 rows each: two lines and a gap), last row
/// the status line or prompt.
public struct BoardLayout: Equatable, Sendable {
    /// Below this size the board shows a "too small" message instead.
    public static let minimum = Size(width: 24, height: 8)
    /// The narrowest column, in cells (a separator column comes on top).
    public static let minColumnWidth = 22
    /// Rows per card, gap included.
    public static let cardHeight = 3
    public static let cardsTop = 2

    public let size: Size
    public let stageCount: Int
    /// Indices of hidden stages, drawn folded: `stripWidth` cells (a separator on top).
    public let folded: Set<Int>
    /// The width of a folded column.
    public static let stripWidth = 1
    /// How many unfolded columns are shown side by side (with every folded strip also on screen).
    public let visibleColumns: Int
    /// The width of each shown column (without the separator).
    public let columnWidth: Int
    /// How many cards fit in a column.
    public let cardSlots: Int

    public init(size: Size, stageCount: Int, folded: Set<Int> = []) {
        self.size = size
        self.stageCount = stageCount
        self.folded = folded
        let n = max(1, stageCount - folded.count)
        // Room for every strip first, so folding never pushes a column off screen.
        let room = max(BoardLayout.minColumnWidth, size.width - folded.count * (BoardLayout.stripWidth + 1))
        let fit = max(1, (room + 1) / (BoardLayout.minColumnWidth + 1))
        visibleColumns = min(n, fit)
        columnWidth = max(1, (room - (visibleColumns - 1)) / visibleColumns)
        let cardArea = size.height - BoardLayout.cardsTop - 1
        cardSlots = max(1, (cardArea + 1) / BoardLayout.cardHeight)
    }

    /// True when the terminal is too small for the board.
    public var isTooSmall: Bool { size.width < BoardLayout.minimum.width || size.height < BoardLayout.minimum.height }

    /// Left edge of the `slot`-th shown column (no column folded).
    public func columnX(_ slot: Int) -> Int { slot * (columnWidth + 1) }

    /// The width of stage `index`'s column: `stripWidth` when folded, else `columnWidth`.
    public func width(ofColumn index: Int) -> Int { folded.contains(index) ? BoardLayout.stripWidth : columnWidth }

    /// Left edge of stage `index`'s column when the first shown one is `offset`.
    public func columnX(_ index: Int, offset: Int) -> Int {
        folded.isEmpty ? columnX(index - offset) : (offset..<max(offset, index)).reduce(0) { $0 + width(ofColumn: $1) + 1 }
    }

    /// How many columns fit from `offset` on (folded strips count too).
    public func columnsShown(from offset: Int) -> Int {
        guard !folded.isEmpty else { return min(visibleColumns, max(0, stageCount - offset)) }
        var x = 0, n = 0
        for i in offset..<max(offset, stageCount) {
            if x + width(ofColumn: i) > size.width { break }
            x += width(ofColumn: i) + 1
            n += 1
        }
        return max(1, n)
    }

    /// Top row of the `slot`-th shown card.
    public func cardY(_ slot: Int) -> Int { BoardLayout.cardsTop + slot * BoardLayout.cardHeight }

    /// The (stage index, card index) under a cell, given the first shown column and the
    /// per-column scroll; nil when the cell is not on a card.
    public func hit(x: Int, y: Int, columnOffset: Int, scroll: (Int) -> Int, count: (Int) -> Int) -> (column: Int, row: Int?)? {
        guard !isTooSmall, y < size.height - 1, x >= 0 else { return nil }
        var column = columnOffset
        while column < columnOffset + columnsShown(from: columnOffset) - 1, x >= columnX(column + 1, offset: columnOffset) { column += 1 }
        guard column < stageCount, x - columnX(column, offset: columnOffset) < width(ofColumn: column) else { return nil }
        guard !folded.contains(column) else { return (column, nil) }
        guard y >= BoardLayout.cardsTop else { return (column, nil) }
        let cardSlot = (y - BoardLayout.cardsTop) / BoardLayout.cardHeight
        let within = (y - BoardLayout.cardsTop) % BoardLayout.cardHeight
        let row = scroll(column) + cardSlot
        guard within < 2, cardSlot < cardSlots, row < count(column) else { return (column, nil) }
        return (column, row)
    }
}

extension AppState {
    /// The layout for the current size and board.
    public var layout: BoardLayout {
        let stages = shownStages
        return BoardLayout(size: size, stageCount: stages.count, folded: Set(stages.indices.filter { stages[$0].hidden }))
    }

    /// Clamps the selection and scrolls so the selected column and card are on screen.
    public mutating func keepSelectionVisible() {
        let stages = shownStages
        guard !stages.isEmpty else { column = 0; columnOffset = 0; return }
        column = min(max(0, column), stages.count - 1)
        let l = layout
        if column < columnOffset { columnOffset = column }
        while column >= columnOffset + l.columnsShown(from: columnOffset) { columnOffset += 1 }
        while columnOffset > 0, columnOffset - 1 + l.columnsShown(from: columnOffset - 1) >= stages.count { columnOffset -= 1 }
        let id = stages[column].id
        let count = column(id).count
        let row = count == 0 ? 0 : min(max(0, rows[id] ?? 0), count - 1)
        rows[id] = row
        var top = scrolls[id] ?? 0
        if row < top { top = row }
        if row >= top + l.cardSlots { top = row - l.cardSlots + 1 }
        top = min(max(0, top), max(0, count - l.cardSlots))
        scrolls[id] = top
    }
}
