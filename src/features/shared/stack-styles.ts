import { makeStyles, tokens } from '@fluentui/react-components';

/** A section of stacked parts and a bullet-free list of cards, as Home and the team tab lay out. */
export const useStackStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});
