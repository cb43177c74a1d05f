import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { z } from 'zod';
import { assetSymbol, positiveDecimal } from '#api/fields';
import { manualPriceJumpSchema, type ManualPriceJumpDetails } from '#api/records';
import type { PriceEntry } from '#api/snapshot';
import { toRpcError } from '../../api/rpc-failure';
import type { FieldSpec } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { formatUsd } from '../../format';
import { hashParam } from '../../routes';
import { useAction } from '../../state/use-call';
import { ManualPriceQuestion } from './ManualPriceQuestion';
import { Section } from './Section';

const manualPriceSchema = z.object({ asset: assetSymbol, usd: positiveDecimal });

const fields: FieldSpec[] = [
  { name: 'asset', label: 'Asset', kind: 'text', hint: 'e.g. BTC' },
  { name: 'usd', label: 'Price in USD', kind: 'decimal', unit: 'USD' },
];

export function ManualPrices({ prices }: { prices: Record<string, PriceEntry> }) {
  const setManual = useAction('prices.setManual');
  const clearManual = useAction('prices.clearManual');
  const manual = Object.entries(prices).filter(([, entry]) => entry.manual);
  // A price far from the last known one comes back as a question; the form is started
  // afresh (new key) once the operator has answered it.
  const [question, setQuestion] = useState<ManualPriceJumpDetails | null>(null);
  const [formKey, setFormKey] = useState(0);
  const setPrice = async (price: { asset: string; usd: string }) => {
    try {
      await setManual.run(price);
    } catch (cause) {
      const jump = manualPriceJumpSchema.safeParse(toRpcError(cause).details);
      if (jump.success) setQuestion(jump.data);
      throw cause;
    }
  };
  return (
    <Section
      title="Manual prices"
      description="A manual price wins over every feed until you clear it."
    >
      <InlineForm
        key={formKey}
        schema={manualPriceSchema}
        fields={fields}
        initial={{ asset: formKey === 0 ? (hashParam('asset') ?? '') : '', usd: '' }}
        submitLabel="Set price"
        clearOnSuccess
        successMessage="Price set."
        onSubmit={setPrice}
      />
      {question && (
        <ManualPriceQuestion
          jump={question}
          onSet={async (usd, confirm) => {
            await setManual.run({ asset: question.asset, usd, confirm });
            setFormKey((k) => k + 1);
          }}
          onClose={() => setQuestion(null)}
        />
      )}
      <Stack spacing={1} sx={{ mt: 2 }}>
        {manual.length === 0 && (
          <Typography color="text.secondary">No manual prices are set.</Typography>
        )}
        {manual.map(([asset, entry]) => (
          <Stack
            key={asset}
            direction="row"
            spacing={2}
            sx={{ alignItems: 'center' }}
            data-testid={`manual-price-${asset}`}
          >
            <Typography sx={{ minWidth: 200 }}>
              {asset} at {formatUsd(entry.usd)}
            </Typography>
            <Button size="small" onClick={() => void clearManual.attempt({ asset })}>
              Clear {asset}
            </Button>
          </Stack>
        ))}
        {clearManual.error && <Typography color="error">{clearManual.error.message}</Typography>}
      </Stack>
    </Section>
  );
}
