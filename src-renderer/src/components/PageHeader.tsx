import type { ReactNode } from 'react';

export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <div className="row" style={{ marginBottom: 16, justifyContent: 'space-between' }}>
      <h1 className="text-h5">{title}</h1>
      {actions !== undefined && <div className="row">{actions}</div>}
    </div>
  );
}
