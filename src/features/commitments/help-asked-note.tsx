import { Caption1 } from '@fluentui/react-components';
import type { HelpAsked } from '../../domain/commitments/help-request';
import { useServices } from '../shared/services';

const ROUTE_TEXT: Record<HelpAsked['route'], string> = {
  mentor: 'from a mentor',
  channel: 'in the help channel',
};

/** That help was asked, and when, in the person's own locale and time zone. */
export function HelpAskedNote({ asked }: { asked: HelpAsked }) {
  const { host } = useServices();
  const when = new Intl.DateTimeFormat(host.context().locale || 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(asked.at));
  return (
    <Caption1 as="p">
      You asked for help {ROUTE_TEXT[asked.route]} on {when}.
    </Caption1>
  );
}
