import type { ReactNode } from 'react';
import { Figure } from '../../components/Figure';

// One headline figure with its label and a line of context.

export function StatCard({
  label,
  text,
  missing,
  testId,
  tone,
  footnote,
}: {
  label: string;
  text: string;
  missing?: string;
  testId: string;
  tone?: 'success' | 'error';
  footnote?: ReactNode;
}) {
  return (
    <div className="card card-full">
      <div className="card-content">
        <div className="text-overline text-secondary">{label}</div>
        <div className={tone ? `text-h5 tabular tone-${tone}` : 'text-h5 tabular'}>
          <Figure text={text} missing={missing} testId={testId} />
        </div>
        {footnote && <div className="text-body2 text-secondary">{footnote}</div>}
      </div>
    </div>
  );
}
