import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Column } from './DataTable';

// What an expanded row shows: the columns folded away for want of room, each under its
// own label, then whatever more the page says about the record.

export function RowDetails<T>({
  row,
  hidden,
  details,
}: {
  row: T;
  hidden: readonly Column<T>[];
  details: ((row: T) => ReactNode) | undefined;
}) {
  return (
    <Box sx={{ py: 0.5 }}>
      {hidden.length > 0 && (
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
            gap: 1.5,
          }}
        >
          {hidden.map((column) => (
            <div key={column.key}>
              <Typography component="dt" variant="caption" color="text.secondary">
                {column.label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {column.render(row)}
              </Typography>
            </div>
          ))}
        </Box>
      )}
      {details?.(row)}
    </Box>
  );
}
