import { Link } from '@fluentui/react-components';
import { splitLinks } from '../../domain/text/links';

/**
 * User text with its `https:` and `msteams:` addresses as links (opened outside the tab); all of it
 * is rendered as React text, never as HTML.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) =>
        part.kind === 'link' ? (
          <Link key={i} href={part.href} target="_blank" rel="noreferrer noopener" inline>
            {part.text}
          </Link>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
