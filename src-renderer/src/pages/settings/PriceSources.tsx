import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { sourceSchema, type Settings, type SourceSettings } from '#api/records';
import type { FieldSpec } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { useAction, useQuery } from '../../state/use-call';
import { Section } from './Section';

// Every price source the service polls, in its order, named as feeds.status names it; the
// values come from settings. Nothing here knows which sources exist.

// The same rules the service applies to a source's settings.
const sourceFormSchema = sourceSchema.pick({ baseUrl: true, apiKey: true });

function sourceFields(title: string, withKey: boolean): FieldSpec[] {
  const baseUrl: FieldSpec = { name: 'baseUrl', label: `${title} base URL`, kind: 'text', span: 4 };
  // The funding-rate endpoints are public: they take no key.
  if (!withKey) return [baseUrl];
  return [
    baseUrl,
    { name: 'apiKey', label: `${title} API key`, kind: 'secret', span: 2, hint: 'Optional.' },
  ];
}

function SourceRow({
  name,
  title,
  source,
  withKey,
  onSaved,
}: {
  name: string;
  title: string;
  source: SourceSettings;
  withKey: boolean;
  onSaved(next: Settings): void;
}) {
  const update = useAction('settings.update');
  return (
    <Box sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }} data-testid={`source-${name}`}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
        <FormControlLabel
          label="Enabled"
          control={
            <Switch
              checked={source.enabled}
              disabled={update.pending}
              slotProps={{ input: { 'aria-label': `${title} enabled` } }}
              onChange={(e) =>
                void update
                  .attempt({ sources: { [name]: { enabled: e.target.checked } } })
                  .then((done) => done.ok && onSaved(done.result))
              }
            />
          }
        />
      </Stack>
      {update.error && (
        <Typography color="error" variant="body2">
          {update.error.message}
        </Typography>
      )}
      <InlineForm
        schema={sourceFormSchema}
        fields={sourceFields(title, withKey)}
        initial={
          withKey
            ? { baseUrl: source.baseUrl, apiKey: source.apiKey ?? '' }
            : { baseUrl: source.baseUrl }
        }
        submitLabel={`Save ${title}`}
        successMessage="Saved."
        onSubmit={async (patch) => onSaved(await update.run({ sources: { [name]: patch } }))}
      />
    </Box>
  );
}

const SECTIONS = {
  price: {
    title: 'Price sources',
    description:
      'Polled in this order; the median of fresh quotes wins, and a manual price wins over all of them.',
  },
  funding: {
    title: 'Funding-rate feeds',
    description:
      'The exchanges’ public funding rates for your perpetual positions, asked with each price round; a position uses the exchange it is on.',
  },
} as const;

export function PriceSources({
  settings,
  onSaved,
  kind = 'price',
}: {
  settings: Settings;
  onSaved(next: Settings): void;
  kind?: keyof typeof SECTIONS;
}) {
  const feeds = useQuery('feeds.status', {});
  const sources = (feeds.result ?? []).flatMap((feed) => {
    const source = feed.kind === kind ? settings.sources[feed.source] : undefined;
    return source === undefined ? [] : [{ name: feed.source, title: feed.label, source }];
  });
  return (
    <Section title={SECTIONS[kind].title} description={SECTIONS[kind].description}>
      {feeds.error && (
        <Alert severity="error">Could not list the price sources: {feeds.error.message}</Alert>
      )}
      {sources.map(({ name, title, source }) => (
        <SourceRow
          key={name}
          name={name}
          title={title}
          source={source}
          withKey={kind === 'price'}
          onSaved={onSaved}
        />
      ))}
    </Section>
  );
}
