// The first stop for the keyboard: jumps past the header and navigation. Pages live in the
// URL hash, so the link moves focus itself rather than changing the hash.

export const MAIN_ID = 'main-content';

export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
