import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { PRICE_SOURCES, sourceSchema, type PriceSourceName, type Settings } from '#api/records';
import type { FieldSpec } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { useAction } from '../../state/use-call';
import { Section } from './Section';

// The same rules the service applies to a source's settings.
const sourceFormSchema = sourceSchema.pick({ baseUrl: true, apiKey: true });

const TITLES: Record<PriceSourceName, string> = {
  coingecko: 'CoinGecko',
  binance: 'Binance',
  kraken: 'Kraken',
  mempool: 'mempool.space',
};

function sourceFields(title: string): FieldSpec[] {
  return [
    { name: 'baseUrl', label: `${title} base URL`, kind: 'text', span: 4 },
    { name: 'apiKey', label: `${title} API key`, kind: 'secret', span: 2, hint: 'Optional.' },
  ];
}

function SourceRow({
  name,
  settings,
  onSaved,
}: {
  name: PriceSourceName;
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  const update = useAction('settings.update');
  const source = settings.sources[name];
  const title = TITLES[name];
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
        fields={sourceFields(title)}
        initial={{ baseUrl: source.baseUrl, apiKey: source.apiKey ?? '' }}
        submitLabel={`Save ${title}`}
        successMessage="Saved."
        onSubmit={async (patch) => onSaved(await update.run({ sources: { [name]: patch } }))}
      />
    </Box>
  );
}

export function PriceSources({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  return (
    <Section
      title="Price sources"
      description="Polled in this order; the median of fresh quotes wins, and a manual price wins over all of them."
    >
      {PRICE_SOURCES.map((name) => (
        <SourceRow key={name} name={name} settings={settings} onSaved={onSaved} />
      ))}
    </Section>
  );
}
