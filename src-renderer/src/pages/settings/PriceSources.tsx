import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { sourceSchema, type Settings, type SourceSettings } from '#api/records';
import type { FieldSpec, FormValues } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { useQuery } from '../../state/use-call';
import { Section } from './Section';
import { SettingSwitch, useSettingsSave } from './settings-save';

// Every price source (or funding-rate feed) the service polls, in its order, named as
// feeds.status names it; the values come from settings. Nothing here knows which sources
// exist. A source's switch takes effect (and is saved) at once; the addresses and keys of
// all sources of the section are one form with one Save (docs/dashboard.md "Settings").

// The same rules the service applies to a source's settings.
const sourceFormSchema = sourceSchema.pick({ baseUrl: true, apiKey: true });

interface Source {
  name: string;
  title: string;
  source: SourceSettings;
}

function sourceFields({ name, title }: Source, withKey: boolean): FieldSpec[] {
  const baseUrl: FieldSpec = {
    name: `${name}.baseUrl`,
    label: `${title} base URL`,
    kind: 'text',
    span: 4,
  };
  // The funding-rate endpoints are public: they take no key.
  if (!withKey) return [baseUrl];
  return [
    baseUrl,
    {
      name: `${name}.apiKey`,
      label: `${title} API key`,
      kind: 'secret',
      span: 2,
      required: false,
      hint: 'Optional; empty to remove.',
    },
  ];
}

function EnabledSwitch({
  name,
  title,
  source,
  onSaved,
}: Source & { onSaved(next: Settings): void }) {
  return (
    <Stack
      direction="row"
      useFlexGap
      sx={{ alignItems: 'center', justifyContent: 'space-between', py: 0.5, flexWrap: 'wrap' }}
      data-testid={`source-${name}`}
    >
      <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
      <SettingSwitch
        label="Enabled"
        inputLabel={`${title} enabled`}
        checked={source.enabled}
        patch={(enabled) => ({ sources: { [name]: { enabled } } })}
        onSaved={onSaved}
      />
    </Stack>
  );
}

const SECTIONS = {
  price: {
    title: 'Price sources',
    description:
      'Polled in this order; the median of fresh quotes wins, and a manual price wins over all of them.',
    submitLabel: 'Save price sources',
  },
  funding: {
    title: 'Funding-rate feeds',
    description:
      'The exchanges’ public funding rates for your perpetual positions, asked with each price round; a position uses the exchange it is on.',
    submitLabel: 'Save funding-rate feeds',
  },
} as const;

type SectionKind = keyof typeof SECTIONS;

export function PriceSources({
  settings,
  onSaved,
  kind = 'price',
}: {
  settings: Settings;
  onSaved(next: Settings): void;
  kind?: SectionKind;
}) {
  const feeds = useQuery('feeds.status', {});
  const sources = useMemo(
    () =>
      (feeds.result ?? []).flatMap((feed): Source[] => {
        const source = feed.kind === kind ? settings.sources[feed.source] : undefined;
        return source === undefined ? [] : [{ name: feed.source, title: feed.label, source }];
      }),
    [feeds.result, settings.sources, kind],
  );
  return (
    <Section title={SECTIONS[kind].title} description={SECTIONS[kind].description}>
      {feeds.error && (
        <Alert severity="error">
          Could not list the {SECTIONS[kind].title.toLowerCase()}: {feeds.error.message}
        </Alert>
      )}
      {sources.map((s) => (
        <EnabledSwitch key={s.name} {...s} onSaved={onSaved} />
      ))}
      {sources.length > 0 && (
        // A new list of sources starts a new form; new settings alone never reset typing.
        <SourcesForm
          key={sources.map((s) => s.name).join(',')}
          sources={sources}
          kind={kind}
          onSaved={onSaved}
        />
      )}
    </Section>
  );
}

function SourcesForm({
  sources,
  kind,
  onSaved,
}: {
  sources: readonly Source[];
  kind: SectionKind;
  onSaved(next: Settings): void;
}) {
  const { save } = useSettingsSave(onSaved);
  const [form] = useState(() => sourcesForm(sources, kind === 'price'));
  return (
    <InlineForm
      schema={form.schema}
      fields={form.fields}
      initial={form.initial}
      submitLabel={SECTIONS[kind].submitLabel}
      successMessage="Saved."
      onSubmit={(patch) => save({ sources: patch }, 'sources')}
    />
  );
}

function sourcesForm(sources: readonly Source[], withKey: boolean) {
  const fields = sources.flatMap((s) => sourceFields(s, withKey));
  const initial: FormValues = {};
  for (const { name, source } of sources) {
    initial[`${name}.baseUrl`] = source.baseUrl;
    if (withKey) initial[`${name}.apiKey`] = source.apiKey ?? '';
  }
  const schema = z.object(
    Object.fromEntries(sources.map(({ name }) => [name, sourceFormSchema] as const)),
  );
  return { fields, initial, schema };
}
