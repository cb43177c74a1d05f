import Button from '@mui/material/Button';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import { useRef, type ReactNode } from 'react';

// A button that opens the file chooser and hands over the chosen file. The input is
// cleared afterwards so the same file can be picked again after fixing it.

export function FilePickButton({
  accept,
  onFile,
  disabled,
  children,
}: {
  accept: string;
  onFile(file: File): void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<UploadIcon />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
