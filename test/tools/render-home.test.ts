/** The App Home renderer used to look at the desk (render-home.ts) draws every block kind the desk uses. */
import { describe, expect, it } from 'vitest';
import { renderBlocks, renderPng } from './render-home.js';

describe('render-home', () => {
  it('draws headers, sections, buttons, selects, the table and dividers into a PNG', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Rådgiverskranke / Adviser desk' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*#4* · 13 dage · <@U0VENTER>\n>Er vi omfattet?' } },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { text: 'Tag sagen / Claim' }, style: 'primary' }],
      },
      { type: 'divider' },
      {
        type: 'table',
        rows: [
          [
            { type: 'raw_text', text: 'Tal' },
            { type: 'raw_text', text: '11' },
          ],
        ],
      },
    ];
    const svg = renderBlocks(blocks, {});
    expect(svg).toContain('Rådgiverskranke');
    expect(svg).toContain('@U0VENTER');
    expect(svg).toContain('Tag sagen / Claim');
    expect(renderPng(blocks, {}).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
