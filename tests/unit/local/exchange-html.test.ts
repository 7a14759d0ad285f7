import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  rewriteBodyAsExchange,
  textToHtml,
} from '../../../src/local/tenant/calendar/exchange-html';
import { graphReferenceDir } from '../../contract/support/paths';

const HEAD =
  '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n';

/** What Exchange stores for a fragment whose rewritten body is `inner`. */
const wrapped = (inner: string): string => `${HEAD}<body>\r\n${inner}\r\n</body>\r\n</html>\r\n`;

const rewrite = (content: string): string =>
  rewriteBodyAsExchange({ contentType: 'html', content }).content;

/** The body's inner HTML, minus the wrapper's line breaks. */
function bodyOf(html: string): string {
  const match = /<body[^>]*>\r\n([\s\S]*)\r\n<\/body>\r\n<\/html>\r\n$/.exec(html);
  if (match?.[1] === undefined) throw new Error(`not an Exchange body: ${html}`);
  return match[1];
}

describe('rewriteBodyAsExchange', () => {
  describe('wrapper', () => {
    it('wraps a fragment in html, head with the charset meta, and body', () => {
      expect(rewrite('<p>Hello</p>')).toBe(wrapped('<p>Hello</p>'));
    });

    it('re-wraps a full document, keeping head styles and the body byte for byte', () => {
      const input =
        '<!DOCTYPE html>\n<html lang="en" xmlns:o="urn:x"><head>\n' +
        '<meta http-equiv="Content-Type" content="text/html; charset=us-ascii">\n' +
        '<meta name="Generator" content="Microsoft Word 15">\n' +
        '<style type="text/css"><!-- p {margin:0} --></style>\n</head>\n' +
        '<body dir="ltr" onload="x()"><p>Hi</p></body>\n</html>\n';
      expect(rewrite(input)).toBe(
        '<html lang="en">\r\n<head>\r\n' +
          '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n' +
          '<meta name="Generator" content="Microsoft Word 15">\r\n' +
          '<style type="text/css"><!-- p {margin:0} --></style>\r\n' +
          '</head>\r\n<body dir="ltr">\r\n<p>Hi</p>\r\n</body>\r\n</html>\r\n',
      );
    });

    it("keeps the documented event body's content byte for byte", () => {
      const example = JSON.parse(
        readFileSync(path.join(graphReferenceDir, 'examples/event-get-1.json'), 'utf8'),
      ) as { response: { body: { body: { content: string } } } };
      const documented = example.response.body.body.content;
      const inner = /<body>([\s\S]*)<\/body>/.exec(documented)?.[1] ?? '';
      expect(inner).toContain('<table cellspacing="0"');
      expect(rewrite(documented)).toBe(wrapped(inner));
    });

    it('moves content that is not head material out of the head', () => {
      expect(rewrite('<head><title>T</title><div>x</div></head><body>y</body>')).toBe(
        `${HEAD.replace('</head>', '<title>T</title>\r\n</head>')}<body>\r\n<div>x</div>y\r\n</body>\r\n</html>\r\n`,
      );
    });

    it('stores text bodies as given and keeps an empty HTML body empty', () => {
      const text = { contentType: 'text', content: 'a <b> & c\r\n' } as const;
      expect(rewriteBodyAsExchange(text)).toEqual(text);
      expect(rewriteBodyAsExchange({ contentType: 'html', content: '' })).toEqual({
        contentType: 'html',
        content: '',
      });
    });
  });

  describe('what Exchange drops', () => {
    it('drops comments, conditional comments included', () => {
      expect(
        rewrite(
          '<!-- rapport:start --><p>a</p><!--[if mso]><p>mso</p><![endif]-->' +
            '<![if !mso]><p>b</p><![endif]><!-- rapport:end -->',
        ),
      ).toBe(wrapped('<p>a</p><p>b</p>'));
    });

    it('drops data-* and unknown attributes, keeping allowed ones', () => {
      expect(
        rewrite(
          '<div data-rapport-section="expectations" x-custom="1" aria-label="x" CLASS="s" ' +
            'style="color:red" title=t>x</div>',
        ),
      ).toBe(wrapped('<div class="s" style="color:red" title="t">x</div>'));
    });

    it('drops event-handler attributes', () => {
      expect(rewrite('<a href="https://contoso.com" onclick="steal()" OnMouseOver=x>l</a>')).toBe(
        wrapped('<a href="https://contoso.com">l</a>'),
      );
    });

    it('drops script and iframe elements with their content', () => {
      expect(
        rewrite('a<script>document.write("<p>x</p>")</script>b<iframe src="https://e">c</iframe>d'),
      ).toBe(wrapped('abd'));
    });

    it('drops script URLs however they are spelled, keeping https links', () => {
      expect(
        rewrite(
          '<a href="javascript:alert(1)">1</a><a href=" JaVaScRiPt:x">2</a>' +
            '<a href="jav&#x61;script:x">3</a><a href="java&Tab;script:x">4</a>' +
            '<img src="vbscript:x" alt="5"><a href="https://teams.microsoft.com/x?a=1&amp;b=2">6</a>',
        ),
      ).toBe(
        wrapped(
          '<a>1</a><a>2</a><a>3</a><a>4</a><img alt="5">' +
            '<a href="https://teams.microsoft.com/x?a=1&amp;b=2">6</a>',
        ),
      );
    });

    it('drops the tags of unknown and custom elements but keeps their content', () => {
      expect(rewrite('<rapport-section><p>Keep<o:p></o:p></p></rapport-section>')).toBe(
        wrapped('<p>Keep</p>'),
      );
    });
  });

  describe('what Exchange keeps', () => {
    it('keeps text and its references as written', () => {
      const text = 'if a &lt; b &amp;&amp; c > d then&nbsp;&#169; 5 < 6 &unknown; &';
      expect(rewrite(`<p>${text}</p>`)).toBe(wrapped(`<p>${text}</p>`));
    });

    it('keeps the headings that delimit the expectations section', () => {
      const section =
        '<h3>Rapport expectations</h3><p><b>Purpose:</b> Ship &lt;v2&gt;</p>' +
        '<ul><li>Alex Wilber &#8212; draft plan (due 2024-05-10)</li></ul><h3>End of Rapport expectations</h3>';
      const stored = rewrite(
        `<p>Agenda from the organizer</p><!-- rapport --><h3 data-rapport="start">Rapport expectations</h3>${section.slice(
          '<h3>Rapport expectations</h3>'.length,
        )}`,
      );
      expect(bodyOf(stored)).toBe(`<p>Agenda from the organizer</p>${section}`);
    });

    it('re-quotes attribute values, escaping what would end them or read as markup', () => {
      expect(
        rewrite(
          `<span title='say "<b>hi</b>" & go' class=a&amp;b ID="x'y" align>t</span><br/><td width=50%>`,
        ),
      ).toBe(
        wrapped(
          '<span title="say &quot;&lt;b&gt;hi&lt;/b&gt;&quot; &amp; go" class="a&amp;b" id="x\'y" align="">t</span><br><td width="50%">',
        ),
      );
    });

    it('keeps the first of duplicated attributes, as browsers do', () => {
      expect(rewrite('<p class="a" class="b">x</p>')).toBe(wrapped('<p class="a">x</p>'));
    });

    it('keeps the Teams online-meeting block byte for byte', () => {
      const joinUrl =
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzU2MjM3ZDQtMjE0%40thread.v2/0' +
        '?context=%7b%22Tid%22%3a%2272f988bf%22%2c%22Oid%22%3a%22a1b2%22%7d';
      const block =
        '<div style="width:100%"><span style="white-space:nowrap; color:#5F5F5F; opacity:.36">' +
        '________________________________________________________________________________</span></div>\r\n' +
        '<div class="me-email-text" lang="en-US" style="color:#252424; font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif">\r\n' +
        '<div style="margin-top:24px; margin-bottom:20px"><span style="font-size:24px; color:#252424">Microsoft Teams meeting</span></div>\r\n' +
        '<div style="margin-bottom:20px">\r\n' +
        '<div style="margin-top:0px; margin-bottom:0px; font-weight:bold"><span style="font-size:14px; color:#252424">Join on your computer, mobile app or room device</span></div>\r\n' +
        `<a href="${joinUrl}" class="me-email-headline" style="font-size:14px; font-family:'Segoe UI Semibold'; text-decoration:underline; color:#6264a7" target="_blank" rel="noreferrer noopener">Click here to join the meeting</a></div>\r\n` +
        '<table cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse"><tbody><tr>' +
        '<td valign="top" style="padding:0"><span style="font-size:14px; color:#252424">Meeting ID: </span>' +
        '<span style="font-size:16px; color:#252424">123 456 789 0</span></td></tr><tr>' +
        '<td style="padding:0"><span style="font-size:14px; color:#252424">Passcode: </span>' +
        '<span style="font-size:16px; color:#252424">aBc&amp;dE</span></td></tr></tbody></table>\r\n' +
        '<div style="margin-bottom:24px; margin-top:20px"><a href="https://aka.ms/JoinTeamsMeeting" class="me-email-link" style="font-size:14px; text-decoration:underline; color:#6264a7">Need help?</a></div>\r\n' +
        '</div>\r\n' +
        '<div style="font-size:14px; margin-bottom:4px; font-family:\'Segoe UI\'">&nbsp;</div>';
      const stored = rewrite(`<p>Agenda</p>\r\n${block}`);
      expect(bodyOf(stored)).toBe(`<p>Agenda</p>\r\n${block}`);
      expect(stored).toContain(`href="${joinUrl}"`);
    });
  });

  describe('idempotence', () => {
    const textPiece = fc.oneof(
      fc.constantFrom(
        'Rapport',
        'a &lt; b',
        '&amp;',
        '&nbsp;',
        '&#169;',
        ' ',
        '\r\n',
        '\n',
        '5 < 6',
        '&',
        'x>y',
      ),
      fc.string({ maxLength: 8 }),
    );
    const attributeName = fc.constantFrom(
      'class',
      'id',
      'href',
      'title',
      'style',
      'data-rapport',
      'onclick',
      'ONLOAD',
      'x-y',
      'align',
      'src',
    );
    const attributeValue = fc.oneof(
      fc.constantFrom(
        '<b>looks like a tag</b>',
        '"quoted"',
        "it's",
        'a&amp;b',
        'a & b',
        'javascript:alert(1)',
        'https://teams.microsoft.com/l/meetup-join/19%3a',
        '-->',
        '<!-- c -->',
      ),
      fc.string({ maxLength: 6 }),
    );
    const attribute = fc
      .tuple(attributeName, attributeValue, fc.constantFrom('"', "'", '', 'none'))
      .map(([name, value, quote]) => {
        if (quote === 'none') return ` ${name}`;
        if (quote === '') return ` ${name}=${value.replace(/[\s>"'`=<]/g, '') || 'v'}`;
        return ` ${name}=${quote}${value.replaceAll(quote, '')}${quote}`;
      });
    const tagName = fc.constantFrom(
      'p',
      'div',
      'span',
      'h3',
      'table',
      'td',
      'custom-el',
      'B',
      'br',
    );

    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        textPiece,
        fc.constantFrom(
          '<!-- comment -->',
          '<!--[if mso]><p>mso only</p><![endif]-->',
          '<![if !mso]>',
          '<![endif]>',
          '<script>var s = "<p>";</script>',
          '<style>p { color: red }</style>',
          '<br/>',
          '</p>',
          '<?xml:namespace prefix="o">',
          '<!DOCTYPE html>',
          '<',
          '</',
          '<body>',
          '</body>',
          '<head>',
        ),
        fc
          .tuple(
            tagName,
            fc.array(attribute, { maxLength: 3 }),
            fc.array(tie('node'), { maxLength: 3 }),
          )
          .map(
            ([name, attributes, children]) =>
              `<${name}${attributes.join('')}>${children.join('')}</${name}>`,
          ),
      ),
    }));
    const fragment = fc.array(node, { maxLength: 6 }).map((nodes) => nodes.join(''));
    const document = fc
      .tuple(fragment, fragment)
      .map(
        ([head, body]) =>
          `<html><head><meta http-equiv="Content-Type" content="text/html">${head}</head><body>${body}</body></html>`,
      );
    const htmlish = fc
      .array(
        fc.constantFrom(...'<>/!-?"\'= abp&;#\r\n'.split(''), 'script', 'style', 'body', 'head'),
        {
          maxLength: 40,
        },
      )
      .map((chars) => chars.join(''));
    const parameters = { seed: 20240506, numRuns: 400 };

    it.each([
      ['generated fragments', fragment],
      ['generated documents', document],
      ['arbitrary HTML-like strings', htmlish],
    ] as const)('holds for %s', (_name, inputs) => {
      fc.assert(
        fc.property(inputs, (input) => {
          const once = rewrite(input);
          expect(rewrite(once)).toBe(once);
        }),
        parameters,
      );
    });

    it('never leaves comments, scripts, handlers or data attributes in generated fragments', () => {
      fc.assert(
        fc.property(fragment, (input) => {
          fc.pre(input !== '');
          const body = bodyOf(rewrite(input)).replace(/<style>[\s\S]*?<\/style>/g, '');
          expect(body).not.toMatch(/<!--|<script/i);
          // Attribute values escape `<` and `>`, so this only ever looks inside real tags.
          expect(body).not.toMatch(/<[a-z][^>]*\s(?:on\w*|data-[\w-]*)=/);
        }),
        parameters,
      );
    });
  });
});

describe('textToHtml', () => {
  it('escapes text, turns line breaks into <br> and wraps it', () => {
    expect(textToHtml('Agenda: <draft> & "plan"\r\nline 2\nline 3')).toBe(
      wrapped('Agenda: &lt;draft&gt; &amp; &quot;plan&quot;<br>\r\nline 2<br>\r\nline 3'),
    );
  });

  it('produces what the HTML rewrite leaves alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const html = textToHtml(text);
        expect(rewrite(html)).toBe(html);
      }),
      { seed: 20240506, numRuns: 300 },
    );
  });
});
