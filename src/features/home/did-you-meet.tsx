import {
  Button,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { MET_ANSWERS, type MetAnswer } from '../../domain/social/met';
import { errorText } from '../shared/error-text';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * After the slot: "did you meet?", answered privately through the relay. The person is told
 * plainly that only the program's overall rate is ever shown.
 */
export function DidYouMeet({ programId, round }: { programId: string; round: number }) {
  const styles = useStyles();
  const t = useT();
  const c = t.home.coffee;
  const { coffeeFeedback } = useServices();
  const queryClient = useQueryClient();
  const key = ['coffee-met', programId, round] as const;
  const answered = useQuery({
    queryKey: key,
    queryFn: () => coffeeFeedback.answered(programId, round),
    staleTime: 60_000,
  });
  const [choice, setChoice] = useState<MetAnswer | ''>('');
  // One submission id for this answer, so a retried send counts once.
  const submission = useRef(crypto.randomUUID());
  const send = useMutation({
    mutationFn: (answer: MetAnswer) =>
      coffeeFeedback.answer(programId, round, submission.current, answer),
    onSuccess: () => {
      queryClient.setQueryData(key, true);
    },
  });

  if (answered.isPending) return null;
  if (answered.isError) {
    return (
      <Text>
        {c.didYouMeetFailed(errorText(answered.error, t))}
        <Button size="small" onClick={() => void answered.refetch()}>
          {t.shared.tryAgain}
        </Button>
      </Text>
    );
  }
  if (answered.data) {
    return <Text>{c.thanks}</Text>;
  }
  return (
    <form
      className={styles.form}
      aria-label={c.didYouMeet}
      onSubmit={(e) => {
        e.preventDefault();
        if (choice !== '') send.mutate(choice);
      }}
    >
      <Field label={c.didYouMeet} hint={c.privateHint}>
        <RadioGroup
          value={choice}
          onChange={(_, data) => {
            setChoice(data.value as MetAnswer);
          }}
        >
          {MET_ANSWERS.map((a) => (
            <Radio key={a} value={a} label={c.met[a]} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button type="submit" disabledFocusable={choice === '' || send.isPending}>
          {send.isPending ? c.sending : c.sendAnswer}
        </Button>
      </div>
      {send.isError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{errorText(send.error, t)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
