import type { ButtonHTMLAttributes, HTMLAttributes, ReactNode, Ref } from 'react';
import { ICONS, PlainIcon } from './plain-icon';

// The first screen's building blocks: buttons, chips, bars and alert boxes as plain
// elements with the classes of plain.css, drawn as MUI's of the same name. The frame and
// the Overview use these, so the first screen's script carries none of MUI's components
// (docs/architecture.md "The first screen"); the other pages keep MUI's.

export type Tone = 'success' | 'info' | 'warning' | 'error' | 'default';

/** Class names, without the falsy ones. */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export function Button({
  look = 'text',
  inherit = false,
  small = false,
  touch = false,
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  look?: 'text' | 'outlined' | 'contained';
  /** In the surrounding text's colour (on a coloured banner) rather than the primary one. */
  inherit?: boolean;
  small?: boolean;
  /** At least 44 px tall, for a finger. */
  touch?: boolean;
}) {
  return (
    <button
      type={type}
      className={classes(
        'btn',
        look !== 'text' && `btn-${look}`,
        inherit && 'btn-inherit',
        small && 'btn-small',
        touch && 'btn-touch',
        className,
      )}
      {...rest}
    />
  );
}

export function Chip({
  label,
  tone = 'default',
  outlined = false,
  ...rest
}: {
  label: string;
  tone?: Tone | 'secondary';
  outlined?: boolean;
} & HTMLAttributes<HTMLSpanElement> & { 'data-testid'?: string; 'data-state'?: string }) {
  return (
    <span
      {...rest}
      className={classes(
        'chip',
        tone !== 'default' && `tone-bg-${tone}`,
        outlined && 'chip-outlined',
      )}
    >
      {label}
    </span>
  );
}

export type BarTone = 'primary' | 'success' | 'info' | 'warning' | 'error' | 'inherit';

/**
 * A progress bar. With a value (0–100) it shows a figure and says it to a screen reader;
 * without one it says that something is loading.
 */
export function Bar({
  value,
  tone = 'primary',
  size,
  label,
}: {
  value?: number;
  tone?: BarTone;
  size?: 'thin' | 'thick';
  label: string;
}) {
  const busy = value === undefined;
  const shown = busy ? 0 : Math.min(100, Math.max(0, value));
  return (
    <span
      role="progressbar"
      aria-label={label}
      aria-valuemin={busy ? undefined : 0}
      aria-valuemax={busy ? undefined : 100}
      aria-valuenow={busy ? undefined : Math.round(shown)}
      className={classes(
        'bar',
        tone !== 'primary' && `tone-bg-${tone}`,
        size && `bar-${size}`,
        busy && 'bar-busy',
      )}
    >
      <span
        className="bar-fill"
        style={busy ? undefined : { transform: `translateX(${shown - 100}%)` }}
      />
    </span>
  );
}

type Severity = 'success' | 'info' | 'warning' | 'error';

/** A message box in a severity's colours, with its icon and, at its end, its actions. */
export function AlertBox({
  severity,
  filled = false,
  title,
  action,
  className,
  children,
  ...rest
}: {
  severity: Severity;
  filled?: boolean;
  title?: ReactNode;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLDivElement>, 'title'> & {
    ref?: Ref<HTMLDivElement>;
    'data-testid'?: string;
  }) {
  return (
    <div
      role="alert"
      {...rest}
      className={classes('alert', `alert-${severity}`, filled && 'alert-filled', className)}
    >
      <div className="alert-icon">
        <PlainIcon paths={ICONS[severity]} medium />
      </div>
      <div className="alert-message">
        {title !== undefined && <div className="alert-title">{title}</div>}
        {children}
      </div>
      {action !== undefined && <div className="alert-action">{action}</div>}
    </div>
  );
}
