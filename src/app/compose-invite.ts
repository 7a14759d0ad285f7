import { renderedTextChanged, replaceSection } from '../domain/expectations/invite-section';
import type { AppointmentCompose } from '../domain/ports/appointment-compose';
import type { InviteSectionWriter } from '../graph/expectations/meeting-service';

/**
 * The invite writer of the Outlook add-in: Rapport's section goes into the body of the meeting
 * being composed (Office.js), since Outlook sends what its form holds, not the stored item. The
 * rest of the body stays as the organizer typed it (`replaceSection`, the meeting tab's rule);
 * a save follows, so the stored item (a draft until sent) matches the form.
 */
export function composeInviteWriter(compose: AppointmentCompose): InviteSectionWriter {
  return async (_eventId, section) => {
    const body = await compose.getBodyHtml();
    const next = replaceSection(body, section);
    if (!renderedTextChanged(body, next)) return 'unchanged';
    await compose.setBodyHtml(next);
    await compose.save();
    return 'inForm';
  };
}
