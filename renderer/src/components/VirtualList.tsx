import { useState, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  height: number;
  label: string;
  renderRow: (item: T, index: number) => ReactNode;
  rowKey: (item: T) => string;
}

const OVERSCAN = 6;

/** Renders only the rows in view (fixed row height), so a log of 10,000 proofs stays smooth. */
export function VirtualList<T>({ items, rowHeight, height, label, renderRow, rowKey }: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div
      className="virtual-list"
      style={{ height }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      tabIndex={-1}
    >
      <ul aria-label={label} style={{ height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, i) => (
          <li
            key={rowKey(item)}
            aria-setsize={items.length}
            aria-posinset={first + i + 1}
            style={{ top: (first + i) * rowHeight, height: rowHeight }}
          >
            {renderRow(item, first + i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
