import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import type { MeetingSummary } from '../../domain/meetings/meeting';
import { ExpectationsSection } from '../meeting/expectations-section';
import { useT } from '../shared/i18n/i18n';

/**
 * A meeting's expectations opened from Home: the same view and editor as the meeting tab, found
 * through the person's own calendar event instead of the meeting chat.
 */
export function ExpectationsDialog({
  meeting,
  add,
  onClose,
}: {
  meeting: MeetingSummary;
  add: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const subject = meeting.subject || t.shared.untitledMeeting;
  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle as="h2">
            <span dir="auto">{subject}</span>
          </DialogTitle>
          <DialogContent>
            <ExpectationsSection
              source={{ kind: 'event', eventId: meeting.id }}
              startEditing={add}
            />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t.shared.close}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
