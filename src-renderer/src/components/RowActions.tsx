import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import type { ReactNode } from 'react';

// Edit and Remove buttons for a table row, named after the record for screen readers
// and tests ("Edit S19 row 3", "Remove S19 row 3"). The hover hint is the browser's own
// `title`, made only when hovered: a tooltip component on each of 2,000 rows is not free.

export function RowActions({
  name,
  onEdit,
  onRemove,
  extra,
}: {
  name: string;
  onEdit(): void;
  onRemove(): void;
  extra?: ReactNode;
}) {
  return (
    <Stack direction="row" spacing={0.5} style={{ justifyContent: 'flex-end' }}>
      {extra}
      <IconButton size="small" aria-label={`Edit ${name}`} title="Edit" onClick={onEdit}>
        <EditIcon fontSize="small" />
      </IconButton>
      <IconButton size="small" aria-label={`Remove ${name}`} title="Remove" onClick={onRemove}>
        <DeleteIcon fontSize="small" />
      </IconButton>
    </Stack>
  );
}
