/**
 * Ice-breaker prompts for coffee rounds. Light, work-safe and answerable by anyone, whatever their
 * role or culture: nothing about family, health, money or beliefs.
 */
export const ICE_BREAKERS = [
  'What is something you learned recently that surprised you?',
  'What does a good day at work look like for you?',
  'Which tool or shortcut could you not work without?',
  'What is the view from where you are working today?',
  'What is a small thing that made your week better?',
  'If you could swap jobs with someone on the team for a day, whose would it be?',
  'What is a skill you would like to learn this year?',
  'What is the best piece of advice you have been given at work?',
  'What are you looking forward to this month?',
  'What is a book, podcast or show you would recommend?',
  'What was your first job, and what did it teach you?',
  'What is something about your city that visitors always miss?',
] as const;

/** The round's prompt, chosen by its seed so every client shows the same one. */
export function promptFor(seed: number): string {
  const index = Math.abs(Math.trunc(seed)) % ICE_BREAKERS.length;
  return ICE_BREAKERS[index] ?? ICE_BREAKERS[0];
}
