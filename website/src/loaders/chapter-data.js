// Placeholder module. Its imports carry a query (?embed=…, ?whatChanged=…, ?chapterCode=…) and
// the chapter-data loader (chapter-data-loader.ts) replaces this text with the data asked for.
export default null;
