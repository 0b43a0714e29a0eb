/** Vite's `?url` imports (the pdf.js worker is bundled as a file of the app, loaded from 'self'). */
declare module '*?url' {
  const src: string;
  export default src;
}
declare module '*?worker&url' {
  const src: string;
  export default src;
}
