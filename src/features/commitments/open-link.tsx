import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useServices } from '../shared/services';

/**
 * A stored address as a link the host opens: inside Teams a `msteams:` or Teams address opens the
 * chat or channel itself instead of a browser tab. The `href` stays for copying and for reading
 * where it goes.
 */
export function OpenLink({ href, children }: { href: string; children: ReactNode }) {
  const { host } = useServices();
  return (
    <Link
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      inline
      onClick={(event) => {
        event.preventDefault();
        // A host that will not open it (an address it does not handle) leaves it to the browser.
        host.openLink(href).catch(() => window.open(href, '_blank', 'noopener'));
      }}
    >
      {children}
    </Link>
  );
}
