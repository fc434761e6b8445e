import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

/** The book's table of contents (see BOOK.md). Doc ids are the file names in book/. */
const sidebars = {
  book: [
    {
      type: 'category',
      label: 'Part I: First steps',
      collapsible: true,
      collapsed: false,
      items: [
        '01-welcome',
        '02-serverless-in-a-nutshell',
        '03-aws-building-blocks',
        '04-setting-up',
        '05-first-function',
        '06-api-gateway',
      ],
    },
    {
      type: 'category',
      label: 'Part II: A real API',
      collapsible: true,
      collapsed: false,
      items: ['07-dynamodb', '08-validation', '09-aggregates', '10-testing', '11-queries'],
    },
    {
      type: 'category',
      label: 'Part III: Production',
      collapsible: true,
      collapsed: false,
      items: [
        '12-access',
        '13-rate-limits',
        '14-versioning',
        '15-stages',
        '16-observability',
        '17-delivery',
        '18-costs-and-cleanup',
      ],
    },
    {
      type: 'category',
      label: 'Appendices',
      collapsible: true,
      collapsed: false,
      items: ['a-troubleshooting', 'b-serverless-v4', 'c-glossary'],
    },
  ],
} satisfies SidebarsConfig;

export default sidebars;
