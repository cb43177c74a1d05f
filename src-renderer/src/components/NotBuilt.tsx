import Typography from '@mui/material/Typography';
import { PageHeader } from './PageHeader';

export function NotBuilt({ title, sentence }: { title: string; sentence: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Typography color="text.secondary">{sentence}</Typography>
    </>
  );
}
