import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise-text';
import { unwrapLines } from './unwrap-lines';

describe('normaliseText', () => {
  it('turns CRLF, CR and form feeds into line breaks and drops blank lines', () => {
    expect(normaliseText('a\r\nb\rc\fd\n\n \n').text).toBe('a\nb\nc\nd');
  });

  it('replaces curly quotes, dashes, ellipses and non-breaking or zero-width spaces', () => {
    expect(normaliseText('\u201cRecommended\u201d \u2013 it\u2019s\u00a0ok\u2026 x\u200by').text).toBe(
      '"Recommended" - it\'s ok... xy',
    );
  });

  it('strips HTML tags and entities, and markdown headings and bold', () => {
    const { text, hadMarkup } = normaliseText(
      '<b>Case Number:</b>\tCM14-0166055<br>### CLINICAL CASE SUMMARY\n**Decision rationale:** A &amp; B',
    );
    expect(text).toBe('Case Number: CM14-0166055\nCLINICAL CASE SUMMARY\nDecision rationale: A & B');
    expect(hadMarkup).toBe(true);
  });

  it('keeps a "#" that starts a line without being a heading ("#90")', () => {
    expect(normaliseText('Dilaudid 4mg\n#90: Upheld').text).toBe('Dilaudid 4mg\n#90: Upheld');
  });

  it('removes page footers and case-number footer lines, remembering the number', () => {
    const { text, footerCaseNumber } = normaliseText(
      'one\nPage 2 of 4\nCM14-0123456\ntwo Page 3 of 4\nthree',
    );
    expect(text).toBe('one\ntwo\nthree');
    expect(footerCaseNumber).toBe('CM14-0123456');
  });

  it('keeps the first labelled case-number line and drops its repetitions', () => {
    expect(normaliseText('Case Number: CM13-0000001\nbody\nCase Number: CM13-0000001\nmore').text).toBe(
      'Case Number: CM13-0000001\nbody\nmore',
    );
  });

  it('folds runs of spaces left by redaction', () => {
    expect(normaliseText('report dated 09/19/2013 by   , the patient').text).toBe(
      'report dated 09/19/2013 by , the patient',
    );
  });
});

describe('unwrapLines', () => {
  it('joins hard-wrapped lines with one space, and word-hyphen breaks with none', () => {
    expect(unwrapLines('a flare-\nup of pain\nlimited to 4-\n6 visits\nand - so')).toBe(
      'a flare-up of pain limited to 4-6 visits and - so',
    );
  });
});

describe('normaliseText on plain ASCII', () => {
  it('gives the same text whether or not the caller knew it was plain ASCII', () => {
    const text = 'A  b \n\n c\n#90: Upheld\nPage 2 of 3\nCM14-0000001\nd';
    expect(normaliseText(text, true)).toEqual(normaliseText(text, false));
  });

  it('replaces tabs and form feeds, and what entities decode to beside them, as in any other text', () => {
    for (const text of ['a\tb\f\nc', 'page one\n\fpage two', 'x&#8217;y\tz', 'x&#13;y\f']) {
      expect(normaliseText(text, true)).toEqual(normaliseText(text, false));
    }
  });
});
