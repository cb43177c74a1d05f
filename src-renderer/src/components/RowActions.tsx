import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import MoreIcon from '@mui/icons-material/MoreVert';
import { useState } from 'react';
import { ICONS, PlainIcon, type IconPaths } from './plain-icon';

// Edit and Remove buttons for a table row (and any the page adds), named after the record
// for screen readers and tests ("Edit S19 row 3", "Remove S19 row 3"). The hover hint is
// the browser's own `title`, made only when hovered: a tooltip component on each of 2,000
// rows is not free. In a phone-width table they fold into one "Actions for …" menu so the
// row's figures keep the width; on a card they are labelled buttons at least 44 px tall.
// In a table they are plain buttons and plain SVG icons styled once by class (plain.css):
// MUI's IconButton and SvgIcon, four a row, were most of the time a page of records took
// to show its first rows.

export interface RowAction {
  /** The verb; the button is named "<verb> <record>" ("Add payment to" reads "Add payment to Ledn"). */
  label: string;
  /** The accessible name in full, when "<label> <name>" does not read well. */
  name?: string;
  icon: IconPaths;
  onClick(): void;
}

export function RowActions({
  name,
  onEdit,
  onRemove,
  extra = [],
  compact = false,
  touch = false,
}: {
  name: string;
  onEdit(): void;
  onRemove(): void;
  extra?: readonly RowAction[];
  compact?: boolean;
  /** Labelled buttons a finger can hit, for a card. */
  touch?: boolean;
}) {
  const all: RowAction[] = [
    ...extra,
    { label: 'Edit', icon: ICONS.edit, onClick: onEdit },
    { label: 'Remove', icon: ICONS.remove, onClick: onRemove },
  ];
  if (touch)
    return (
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        {all.map((action) => (
          <Button
            key={action.label}
            variant="outlined"
            startIcon={<PlainIcon paths={action.icon} />}
            aria-label={action.name ?? `${action.label} ${name}`}
            onClick={action.onClick}
            sx={{ minHeight: 44 }}
          >
            {action.label}
          </Button>
        ))}
      </Stack>
    );
  if (compact) return <RowMenu name={name} actions={all} />;
  return (
    <div className="row-actions">
      {all.map((action) => (
        <button
          key={action.label}
          type="button"
          className="row-action"
          aria-label={action.name ?? `${action.label} ${name}`}
          title={action.label}
          onClick={action.onClick}
        >
          <PlainIcon paths={action.icon} />
        </button>
      ))}
    </div>
  );
}

function RowMenu({ name, actions }: { name: string; actions: readonly RowAction[] }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        size="small"
        aria-label={`Actions for ${name}`}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <MoreIcon fontSize="small" />
      </IconButton>
      {anchor && (
        <Menu anchorEl={anchor} open onClose={() => setAnchor(null)}>
          {actions.map((action) => (
            <MenuItem
              key={action.label}
              aria-label={action.name ?? `${action.label} ${name}`}
              onClick={() => {
                setAnchor(null);
                action.onClick();
              }}
            >
              <ListItemIcon>
                <PlainIcon paths={action.icon} />
              </ListItemIcon>
              {action.label}
            </MenuItem>
          ))}
        </Menu>
      )}
    </>
  );
}
