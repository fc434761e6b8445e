import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classOnlyCodeTheme, darkCodeTheme, lightCodeTheme, styledTypes, tokenCss } from './code-themes';
import { contrast, withContrast } from './contrast';

describe('code themes', () => {
  for (const [name, theme] of Object.entries({ light: lightCodeTheme, dark: darkCodeTheme })) {
    it(`${name}: every token colour reaches 4.5:1 on the block background`, () => {
      const background = theme.plain.backgroundColor!;
      const colours = [theme.plain.color!, ...theme.styles.map((s) => s.style.color).filter((c): c is string => !!c)];
      for (const colour of colours) {
        assert.ok(contrast(colour, background) >= 4.5, `${colour} on ${background}: ${contrast(colour, background).toFixed(2)}`);
      }
    });
  }

  it('computes WCAG contrast and only changes colours that need it', () => {
    assert.equal(contrast('#000', '#fff').toFixed(1), '21.0');
    assert.equal(withContrast('#000000', '#ffffff'), '#000000');
    assert.ok(contrast(withContrast('#999988', '#f6f8fa'), '#f6f8fa') >= 4.6);
    assert.ok(contrast(withContrast('rgb(98, 114, 164)', '#282A36'), '#282A36') >= 4.6);
  });
});

describe('token style sheet', () => {
  const css = tokenCss({ light: lightCodeTheme, dark: darkCodeTheme });

  it('gives each mode its block colours and, for every token type, the colour its theme gives it', () => {
    const rules = css.split('\n').map((rule) => /^([^{]*)\{([^}]*)\}$/.exec(rule)!);
    for (const [mode, theme] of Object.entries({ light: lightCodeTheme, dark: darkCodeTheme })) {
      assert.ok(css.includes(`[data-theme='${mode}']{--prism-color:${theme.plain.color};--prism-background-color:${theme.plain.backgroundColor}}`), mode);
      // What the theme means: later entries override earlier ones for the same type.
      const expected = new Map<string, string>();
      for (const entry of theme.styles) for (const type of entry.types) if (entry.style.color) expected.set(type, entry.style.color);
      for (const [type, color] of expected) {
        const selector = `[data-theme='${mode}'] .prism-code .token.${type}`;
        const last = rules.filter(([, selectors, body]) => selectors!.split(',').includes(selector) && body!.includes('color:')).pop();
        assert.ok(last, `${mode}: a rule colours .token.${type}`);
        assert.match(last[2]!, new RegExp(`(^|;)color:${color.replace(/[()]/g, '\\$&')}(;|$)`), `${mode} .token.${type}`);
      }
    }
  });

  it('keeps the theme order, so that a later entry wins for a type listed twice', () => {
    // GitHub colours "keyword" in two entries; the second (#00009f) must come last.
    const light = css.split('\n').filter((rule) => rule.includes(`[data-theme='light'] .prism-code .token.keyword`));
    assert.equal(light.length, 2);
    assert.match(light[1]!, /color:#00009f/);
  });

  it('leaves Docusaurus nothing to render inline', () => {
    assert.deepEqual(classOnlyCodeTheme, { plain: {}, styles: [] });
  });
});

describe('styled token types', () => {
  it('lists the types that look different from plain text in either theme, and only those', () => {
    const styled = styledTypes([lightCodeTheme, darkCodeTheme]);
    for (const type of ['keyword', 'string', 'comment', 'function', 'number', 'namespace', 'changed']) assert.ok(styled.has(type), type);
    // Plain-coloured in both themes (GitHub writes #393A34, Dracula rgb(248, 248, 242): each its plain colour).
    for (const type of ['punctuation', 'operator', 'class-name', 'template-string']) assert.ok(!styled.has(type), type);
  });

  it('keeps a type styled when one theme gives it its own look, or a language of its own', () => {
    const plain = { plain: { color: '#111111' }, styles: [{ types: ['a'], style: { color: '#111111' } }] };
    assert.deepEqual([...styledTypes([plain])], []);
    assert.deepEqual([...styledTypes([plain, { plain: { color: '#111111' }, styles: [{ types: ['a'], style: { fontStyle: 'italic' as const } }] }])], ['a']);
    assert.deepEqual([...styledTypes([{ plain: { color: '#111111' }, styles: [{ types: ['b'], style: { color: '#111111' }, languages: ['css'] }] }])], ['b']);
  });
});
