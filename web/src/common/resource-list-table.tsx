import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { ListLoadError } from './list-load-error';
import { tableSelectionLabels } from './table-strings';

/** A list loaded whole (useAsync): what the table shows, and what its Refresh button reloads. */
interface LoadedList<T> {
  value: T[] | undefined;
  loading: boolean;
  /** Why the last load failed: the table then shows that, not rows. */
  error?: string | undefined;
  reload(): void;
}

/** One row at a time, for the page's row actions; `noun` and `nameOf` name the radio buttons for screen readers. */
interface SingleSelection<T> {
  selected: T[];
  onChange(items: T[]): void;
  noun: string;
  nameOf(item: T): string;
}

export interface ResourceListTableProps<T> {
  title: ReactNode;
  description?: ReactNode;
  list: LoadedList<T>;
  loadingText: string;
  trackBy: string & keyof T;
  columns: TableProps.ColumnDefinition<T>[];
  selection?: SingleSelection<T>;
  /** The page's buttons, after Refresh: an array (with keys), because SpaceBetween spaces array items but not a fragment's children. */
  actions: ReactNode;
  /** A sentence is shown centred; anything else as it is. */
  empty: ReactNode;
}

/** The full-page table of a console list page (connectors, groups, applications, rules, accounts, users). */
export function ResourceListTable<T>({ title, description, list, loadingText, trackBy, columns, selection, actions, empty }: ResourceListTableProps<T>) {
  const selectionProps: Partial<TableProps<T>> = selection
    ? {
        selectionType: 'single',
        selectedItems: selection.selected,
        onSelectionChange: ({ detail }) => selection.onChange(detail.selectedItems),
        ariaLabels: tableSelectionLabels(selection.noun, selection.nameOf),
      }
    : {};
  const failed = list.error !== undefined && !list.loading;
  return (
    <Table
      variant="full-page"
      items={failed ? [] : (list.value ?? [])}
      loading={list.loading}
      loadingText={loadingText}
      trackBy={trackBy}
      {...selectionProps}
      columnDefinitions={columns}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={list.value && !failed ? `(${list.value.length})` : undefined}
          description={description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh" onClick={list.reload} />
              {actions}
            </SpaceBetween>
          }
        >
          {title}
        </Header>
      }
      empty={failed ? <ListLoadError error={list.error!} onRetry={list.reload} /> : typeof empty === 'string' ? <Box textAlign="center">{empty}</Box> : empty}
    />
  );
}
