import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { darkCodeTheme, lightCodeTheme } from './code-themes';
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
