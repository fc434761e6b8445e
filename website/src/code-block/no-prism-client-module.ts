/**
 * Stands in for @docusaurus/theme-classic's `prism-include-languages` client module, which would
 * put Prism and all its grammars into the bundle every page loads. tokenize.ts adds the languages
 * instead, in the chunk that needs them.
 */
export {};
