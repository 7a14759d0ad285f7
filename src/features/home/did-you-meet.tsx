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
import { MET_ANSWERS, MET_TEXT, type MetAnswer } from '../../domain/social/met';
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
        “Did you meet?” could not be loaded: {answered.error.message}{' '}
        <Button size="small" onClick={() => void answered.refetch()}>
          Try again
        </Button>
      </Text>
    );
  }
  if (answered.data) {
    return (
      <Text>Thanks for saying whether you met. Only the program’s overall rate is shown.</Text>
    );
  }
  return (
    <form
      className={styles.form}
      aria-label="Did you meet?"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice !== '') send.mutate(choice);
      }}
    >
      <Field
        label="Did you meet?"
        hint="Private: nobody, the program’s lead included, sees your answer; only the overall rate."
      >
        <RadioGroup
          value={choice}
          onChange={(_, data) => {
            setChoice(data.value as MetAnswer);
          }}
        >
          {MET_ANSWERS.map((a) => (
            <Radio key={a} value={a} label={MET_TEXT[a]} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button type="submit" disabledFocusable={choice === '' || send.isPending}>
          {send.isPending ? 'Sending…' : 'Send answer'}
        </Button>
      </div>
      {send.isError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{send.error.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
