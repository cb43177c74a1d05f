// Style sheets are imported for their effect: Vite bundles them into the page's CSS. A test
// reads one as text (`?raw`).
declare module '*.css';
declare module '*.css?raw' {
  const text: string;
  export default text;
}
