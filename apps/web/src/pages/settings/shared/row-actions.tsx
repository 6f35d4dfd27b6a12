import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface RowActionsProps {
  /** What the row is, for the buttons' accessible names: "Edit +14155550123". */
  name: string;
  onEdit?: () => void;
  onDelete: () => void;
  /** The destructive verb: Delete, Revoke. */
  deleteVerb?: string;
  /** Another action shown first, e.g. a link. */
  leading?: ReactNode;
}

/** Compact edit and delete buttons for a table row, named for screen readers and with tooltips. */
export function RowActions({ name, onEdit, onDelete, deleteVerb = 'Delete', leading }: RowActionsProps) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {leading}
      {onEdit && (
        <Tooltip label="Edit">
          <ActionIcon variant="light" size="lg" aria-label={`Edit ${name}`} onClick={onEdit}>
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label={deleteVerb}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={`${deleteVerb} ${name}`}
          onClick={onDelete}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
