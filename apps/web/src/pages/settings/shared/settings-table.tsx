import { Table, VisuallyHidden, type MantineBreakpoint } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SettingsColumn {
  label: string;
  /** Hidden on screens narrower than this. */
  visibleFrom?: MantineBreakpoint;
}

/** A settings list as a table: its column headers, a last column for the row actions, and the rows. */
export function SettingsTable({ columns, children }: { columns: SettingsColumn[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} visibleFrom={column.visibleFrom}>
                {column.label}
              </Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
