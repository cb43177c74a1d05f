import Tooltip from '@mui/material/Tooltip';
import { cloneElement, useState, type FocusEvent, type MouseEvent, type ReactElement } from 'react';

// A tooltip that costs nothing until it is wanted. A table of two thousand rigs may show a
// "why is this missing" tooltip on every row; MUI's Tooltip is a component with a dozen
// hooks each, so the child is rendered alone, with its reason as a native `title`, until a
// pointer or the keyboard first reaches it. Then the real tooltip takes over, open.

type ChildProps = {
  title?: string;
  onMouseOver?(event: MouseEvent): void;
  onFocus?(event: FocusEvent): void;
};

export function HoverTooltip({
  title,
  children,
}: {
  /** Said on hover and on focus; also the child's accessible description. */
  title: string;
  children: ReactElement<ChildProps>;
}) {
  const [open, setOpen] = useState<boolean | null>(null);
  if (open === null) {
    return cloneElement(children, {
      title,
      onMouseOver: () => setOpen(true),
      onFocus: () => setOpen(true),
    });
  }
  return (
    <Tooltip
      title={title}
      describeChild
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      {children}
    </Tooltip>
  );
}
