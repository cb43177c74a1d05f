// Files leave the app the same way under both hosts: a Blob behind an <a download>
// (Electron shows its save dialog, a browser its download). Printing goes through a
// hidden frame holding the report, so no new window is opened.

export function saveTextFile({
  fileName,
  text,
  type,
}: {
  fileName: string;
  text: string;
  /** The MIME type, with its charset for text: `text/csv;charset=utf-8`. */
  type: string;
}): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Released once the download has surely read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const PRINT_FRAME_ID = 'rigledger-print-frame';

/** Prints a self-contained HTML document (the report) through a hidden frame. */
export function printHtml(html: string): void {
  document.getElementById(PRINT_FRAME_ID)?.remove();
  const frame = document.createElement('iframe');
  frame.id = PRINT_FRAME_ID;
  frame.title = 'Report to print';
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  document.body.append(frame);
  const target = frame.contentWindow;
  if (!target) throw new Error('The report could not be prepared for printing.');
  // An empty frame shares this page's origin, so the report is written straight in; it
  // carries its own CSP (no scripts, no external resources).
  target.document.open();
  target.document.write(html);
  target.document.close();
  target.focus();
  target.print();
}
