import { describe, expect, it } from 'vitest';
import { agendaTime } from '../../../../src/domain/expectations/agenda-time';
import { instant } from '../../../../src/domain/time/instant';

const meeting = (start: string, end: string) => ({
  start: instant(Date.parse(start)),
  end: instant(Date.parse(end)),
});

describe('agendaTime', () => {
  const tenToQuarterTo = meeting('2026-03-11T10:00:00Z', '2026-03-11T10:45:00Z');

  it('reports the overrun (the worked example)', () => {
    expect(
      agendaTime([{ minutes: 10 }, { minutes: 20 }, { minutes: 25 }, {}], tenToQuarterTo),
    ).toEqual({ total: 55, meetingMinutes: 45, over: 10, untimed: 1 });
  });

  it('reports no overrun when the agenda fits, exactly or with room', () => {
    expect(agendaTime([{ minutes: 10 }, { minutes: 20 }, {}], tenToQuarterTo)).toEqual({
      total: 30,
      meetingMinutes: 45,
      over: 0,
      untimed: 1,
    });
    expect(agendaTime([{ minutes: 45 }], tenToQuarterTo).over).toBe(0);
    expect(agendaTime([{ minutes: 46 }], tenToQuarterTo).over).toBe(1);
  });

  it('handles an empty agenda', () => {
    expect(agendaTime([], tenToQuarterTo)).toEqual({
      total: 0,
      meetingMinutes: 45,
      over: 0,
      untimed: 0,
    });
  });

  it('counts whole minutes of the meeting', () => {
    const odd = meeting('2026-03-11T10:00:00Z', '2026-03-11T10:44:30Z');
    expect(agendaTime([{ minutes: 45 }], odd)).toMatchObject({ meetingMinutes: 44, over: 1 });
  });

  it('measures elapsed time, so a meeting across a DST change has its real length', () => {
    // London's clocks jump from 01:00 to 02:00 on 2026-03-29: the wall clock reads 00:30–02:30,
    // but one real hour passes.
    const acrossDst = meeting('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z');
    expect(agendaTime([{ minutes: 90 }], acrossDst)).toMatchObject({
      meetingMinutes: 60,
      over: 30,
    });
  });

  it('treats an end before the start as a zero-length meeting', () => {
    const backwards = meeting('2026-03-11T11:00:00Z', '2026-03-11T10:00:00Z');
    expect(agendaTime([{ minutes: 5 }], backwards)).toEqual({
      total: 5,
      meetingMinutes: 0,
      over: 5,
      untimed: 0,
    });
  });
});
