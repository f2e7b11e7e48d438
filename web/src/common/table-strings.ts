import type { TableProps } from '@cloudscape-design/components/table';

/** Selection check boxes need names for screen readers (and axe): "Select +12065550100". */
export function tableSelectionLabels<T>(noun: string, nameOf: (item: T) => string): TableProps.AriaLabels<T> {
  return {
    selectionGroupLabel: `${noun} selection`,
    allItemsSelectionLabel: ({ selectedItems }) => (selectedItems.length > 0 ? `Deselect all ${noun}s` : `Select all ${noun}s`),
    itemSelectionLabel: (_selection, item) => `Select ${nameOf(item)}`,
    tableLabel: `${noun[0]!.toUpperCase()}${noun.slice(1)}s`,
  };
}
