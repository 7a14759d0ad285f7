import { Caption1 } from '@fluentui/react-components';
import type { HelpAsked } from '../../domain/commitments/help-request';
import { useServices } from '../shared/services';
import { useT } from '../shared/i18n/i18n';

/** That help was asked, and when, in the person's own locale and time zone. */
export function HelpAskedNote({ asked }: { asked: HelpAsked }) {
  const { host } = useServices();
  const t = useT();
  const when = new Intl.DateTimeFormat(host.context().locale || 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(asked.at));
  return (
    <Caption1 as="p">{t.commitments.youAsked(t.commitments.askedFrom[asked.route], when)}</Caption1>
  );
}
