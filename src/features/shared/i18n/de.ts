import type { Messages } from './en';
import { domainTextDe } from './domain-text.de';
import { feedbackDe } from './feedback.de';
import { graphErrorsDe } from './graph-errors.de';
import { outlookDe } from './outlook.de';
import { plural, type PluralForms } from './plural';
import { programsDe } from './programs.de';
import { relayDe } from './relay.de';
import { startupDe } from './startup.de';
import { teamDe } from './team.de';
import { templatesDe } from './templates.de';
import { validationDe } from './validation.de';
import { statusDe } from './status.de';

const n = (count: number, forms: PluralForms) => plural('de', count, forms);

/**
 * Rapport's UI strings in German (du-form, as Microsoft's current German UI). Typed as the
 * English catalog: a missing or extra key fails `tsc`. Loaded as a chunk of its own.
 */
export const de: Messages = {
  domainText: domainTextDe,
  feedback: feedbackDe,
  graphErrors: graphErrorsDe,
  outlook: outlookDe,
  programs: programsDe,
  relay: relayDe,
  startup: startupDe,
  team: teamDe,
  templates: templatesDe,
  validation: validationDe,
  shared: {
    tryAgain: 'Erneut versuchen',
    signInPrompt: 'Melde dich an, damit Rapport deine Besprechungen anzeigen kann.',
    signIn: 'Anmelden',
    signInFailed: 'Die Anmeldung wurde nicht abgeschlossen.',
    untitledMeeting: 'Besprechung ohne Titel',
    close: 'Schließen',
  },
  home: {
    title: 'Deine nächsten 7 Tage',
    loading: 'Deine Besprechungen werden geladen',
    loadFailed: 'Deine Besprechungen konnten nicht geladen werden.',
    timesIn: (name, zone) => `${name} · Zeiten in ${zone}`,
    unreadable: (count) =>
      n(count, {
        one: '1 gespeicherter Erwartungseintrag wurde außerhalb von Rapport geändert und kann nicht angezeigt werden. Die organisierende Person der Besprechung kann ihn in der Besprechung neu beginnen.',
        other: `${String(count)} gespeicherte Erwartungseinträge wurden außerhalb von Rapport geändert und können nicht angezeigt werden. Die organisierenden Personen der Besprechungen können sie dort neu beginnen.`,
      }),
    noMeetings: 'Keine Besprechungen in den nächsten 7 Tagen. Genieß die Fokuszeit.',
    allDay: 'Ganztägig',
    youOrganize: 'Von dir organisiert',
    organizer: (name) => `Organisiert von: ${name}`,
    cancelled: 'Abgesagt',
    tentative: 'Mit Vorbehalt',
    notAnswered: 'Nicht beantwortet',
    expectationsSetSeries: 'Erwartungen für die Serie festgelegt',
    expectationsSet: 'Erwartungen festgelegt',
    noPurposeYet: 'Noch kein Zweck',
    joinInTeams: 'In Teams teilnehmen',
    addExpectationsTo: (subject) => `Erwartungen zu ${subject} hinzufügen`,
    openExpectationsOf: (subject) => `Erwartungen von ${subject} öffnen`,
    addExpectations: 'Erwartungen hinzufügen',
    openExpectations: 'Erwartungen öffnen',
    yourDeliverables: 'Deine Ergebnisse',
    nothingAssigned: 'In den Besprechungserwartungen ist dir nichts zugewiesen.',
    allDone: 'Alles, wofür du verantwortlich bist, ist erledigt.',
    overdue: 'Überfällig',
    due: (date) => `Fällig ${date}`,
    from: (subject) => `Aus ${subject}`,
    obstacle: (text) => `Hindernis: ${text}`,
    moreDone: (count) =>
      n(count, {
        one: '1 weiteres ist erledigt.',
        other: `${String(count)} weitere sind erledigt.`,
      }),
    coffee: {
      title: 'Kaffeepausen',
      and: ' und ',
      firstRound: (date) => `Die erste Runde beginnt am ${date}. Du bist dabei.`,
      nextRound: (date) =>
        `Du bist nach der Planung dieser Runde beigetreten; du bist ab ${date} dabei.`,
      snoozed: (date) =>
        `Pausiert bis ${date}. Du kannst jederzeit im Kanal-Tab des Teams weitermachen.`,
      leftOut: 'In dieser Runde in keiner Gruppe. ',
      meetingBefore: 'Du triffst ',
      meetingAfter: '.',
      yourTime: '(deine Zeit)',
      iceBreaker: (prompt) => `Eisbrecher: ${prompt}`,
      planFailed: (error) => `Diese Runde konnte noch nicht geplant werden: ${error} `,
      finding: 'Es wird eine Zeit gesucht, die deiner Gruppe passt…',
      moved: (when) =>
        `Die bisherige Zeit war belegt, deshalb hat Rapport eine neue gefunden: ${when}. `,
      booked: 'Als Teams-Besprechung gebucht; sie steht in allen Kalendern.',
      passed: 'Dieser Termin ist ohne Buchung verstrichen.',
      hostBooks: (host) =>
        `${host} richtet diese Runde aus und bucht sie; die Einladung kommt in deinen Kalender.`,
      youHost: 'Du richtest diese Runde aus: Buche sie, und alle erhalten eine Teams-Einladung.',
      booking: 'Wird gebucht…',
      bookIt: 'Buchen',
      noSlot:
        'Die Zeit ist nicht mehr für alle frei, und in dieser Runde gibt es keine andere gemeinsame freie Zeit. Die Gruppe trifft sich in der nächsten Runde.',
      bookFailed: (error) =>
        `Die Besprechung konnte nicht gebucht werden: ${error}. Ein erneuter Versuch bucht sie nie doppelt.`,
      didYouMeetFailed: (error) =>
        `„Habt ihr euch getroffen?“ konnte nicht geladen werden: ${error} `,
      thanks:
        'Danke für deine Antwort, ob ihr euch getroffen habt. Angezeigt wird nur die Gesamtquote des Programms.',
      didYouMeet: 'Habt ihr euch getroffen?',
      privateHint:
        'Privat: Niemand, auch nicht die Leitung des Programms, sieht deine Antwort; nur die Gesamtquote.',
      met: {
        yes: 'Ja, wir haben uns getroffen',
        some: 'Einige von uns haben sich getroffen',
        later: 'Noch nicht, wir treffen uns später',
        no: 'Nein, wir haben uns nicht getroffen',
      },
      sending: 'Wird gesendet…',
      sendAnswer: 'Antwort senden',
    },
  },
  meeting: {
    panelTitle: 'Rapport für diese Besprechung',
    noStageHere:
      'Außerhalb von Teams zeigt und bearbeitet Rapport hier die Erwartungen, die Zusammenfassung und das Feedback dieser Besprechung; auf der Besprechungsbühne teilst du in der Teams-Besprechung.',
    shareToStage: 'Auf der Bühne teilen',
    sharedToStage: 'Auf der Besprechungsbühne geteilt.',
    cannotShare: 'Diese Besprechung lässt Rapport nicht auf der Bühne teilen.',
    shareFailed: 'Teilen auf der Bühne nicht möglich.',
    stageTitle: 'Rapport auf der Bühne',
    stageNote:
      'Von der organisierenden Person geteilt. Feedback am Ende der Besprechung erscheint hier, sobald eine Umfrage offen ist.',
    status: statusDe,
    roleKinds: {
      facilitator: 'Moderation',
      noteTaker: 'Protokoll',
      decisionMaker: 'Entscheidung',
      coOrganizer: 'Mitorganisation',
      custom: 'Eigene Rolle',
    },
    unknownAttendee: 'Unbekannte teilnehmende Person',
    inviteUpdated: 'Einladung für die Teilnehmenden aktualisiert.',
    inviteUnchanged: 'Einladung unverändert – kein Update gesendet.',
    inviteNotOrganizer:
      'Nur das Rapport der organisierenden Person kann die Einladung ändern; sie wird nachgezogen, sobald diese Person den Tab das nächste Mal öffnet.',
    saved: (merged, invite) =>
      `Erwartungen gespeichert.${merged ? ' Mit zwischenzeitlichen Änderungen einer anderen Person zusammengeführt.' : ''} ${invite}`,
    lastChangedByOn: (who, when) => `Zuletzt geändert von ${who} am ${when}`,
    lastChangedBy: (who) => `Zuletzt geändert von ${who}`,
    lastChangedOn: (when) => `Zuletzt geändert am ${when}`,
    statusSetBy: (name) => `Status von ${name} gesetzt, nicht von der verantwortlichen Person`,
    agendaTime: (total, meetingMinutes, over, untimed) =>
      `${String(total)} von ${String(meetingMinutes)} Minuten geplant` +
      (untimed === 0
        ? ''
        : `, dazu ${String(untimed)} ${n(untimed, { one: 'Punkt', other: 'Punkte' })} ohne Zeitangabe`) +
      (over > 0 ? ` – ${String(over)} zu viel` : ''),
    templatedFields: {
      purpose: 'Zweck',
      outcome: 'Ergebnis',
      agenda: 'Agenda',
      successMetrics: 'Erfolgskriterien',
    },
    list: (names) =>
      names.length === 1
        ? (names[0] ?? '')
        : `${names.slice(0, -1).join(', ')} und ${names[names.length - 1] ?? ''}`,
    templateNothingFilled: (template) =>
      `Nichts ausgefüllt: Jeder Teil, den „${template}“ abdeckt, enthält schon deinen Text, und der bleibt.`,
    templateFilled: (list, template) =>
      `${list} aus „${template}“ ausgefüllt. Alles, was du geschrieben hattest, bleibt erhalten.`,
    openFromMeeting:
      'Öffne Rapport aus einer Besprechung (über den Detail-Tab oder den Seitenbereich), um die Erwartungen der Besprechung zu sehen.',
    loadingExpectations: 'Die Erwartungen der Besprechung werden geladen',
    expectationsLoadFailed: 'Die Erwartungen der Besprechung konnten nicht geladen werden.',
    meetingLabel: 'Besprechung: ',
    setForSeries: 'Für die ganze Serie festgelegt',
    noExpectationsOrganizer:
      'Diese Besprechung hat noch keine Erwartungen. Füge Zweck, Agenda, Rollen und Ergebnisse hinzu, damit alle wissen, wozu sie stattfindet.',
    noExpectationsAttendee:
      'Die organisierende Person hat dieser Besprechung noch keine Erwartungen hinzugefügt.',
    editExpectations: 'Erwartungen bearbeiten',
    addExpectations: 'Erwartungen hinzufügen',
    refresh: 'Aktualisieren',
    purpose: 'Zweck',
    outcome: 'Ergebnis oder Entscheidung',
    noneWritten: 'Nichts angegeben.',
    agenda: 'Agenda',
    noAgenda: 'Keine Agendapunkte.',
    minutes: (m) => `${String(m)} Min.`,
    roles: 'Rollen',
    noRoles: 'Keine Rollen.',
    deliverables: 'Ergebnisse',
    noDeliverables: 'Keine Ergebnisse.',
    owner: (name, you, due) => `Verantwortlich: ${name}${you ? ' (du)' : ''} · Fällig ${due}`,
    statusLabel: 'Status:',
    obstacleLabel: 'Hindernis:',
    successMetrics: 'Erfolgskriterien',
    noSuccessMetrics: 'Keine Erfolgskriterien.',
    obstacleNeeded:
      'Sag, was im Weg steht: Ein gefährdetes oder blockiertes Ergebnis braucht sein Hindernis.',
    yourProgressOn: (title) => `Dein Fortschritt bei ${title}`,
    status_: 'Status',
    obstacle: 'Hindernis',
    characters: (length, max) => `${String(length)} von ${String(max)} Zeichen`,
    updateStatus: 'Status aktualisieren',
    statusUpdated: 'Status aktualisiert.',
    statusConflict: (status, obstacle) =>
      `Jemand hat diesen Status inzwischen geändert: Er ist jetzt ${status}${obstacle ? ` (${obstacle})` : ''}. Deine Auswahl steht noch oben; wähle „Status aktualisieren“, um sie darüber anzuwenden.`,
    statusSaveFailed: 'Dein Status konnte nicht gespeichert werden.',
    editor: {
      startOver: 'Neu beginnen',
      purposeHint: (counter) => `Ein oder zwei Sätze. ${counter}`,
      fixBeforeSaving: 'Behebe vor dem Speichern Folgendes',
      save: 'Erwartungen speichern',
      cancel: 'Abbrechen',
      saveFailed:
        'Die Erwartungen konnten nicht gespeichert werden. Deine Änderungen sind noch da.',
      moveUp: 'Nach oben',
      moveUpRow: (row) => `Nach oben: ${row}`,
      moveDown: 'Nach unten',
      moveDownRow: (row) => `Nach unten: ${row}`,
      remove: 'Entfernen',
      removeRow: (row) => `Entfernen: ${row}`,
      addAgendaItem: 'Agendapunkt hinzufügen',
      agendaFull: (max) => `Eine Agenda kann höchstens ${String(max)} Punkte haben.`,
      agendaItemRow: (i) => `Agendapunkt ${String(i)}`,
      agendaItemGroup: (i) => `Agendapunkt ${String(i)}`,
      agendaItemTitle: 'Titel des Agendapunkts',
      presenter: 'Vortragende Person',
      noPresenter: 'Niemand trägt vor',
      minutes: 'Minuten',
      minutesHint: (min, max) => `Optional, ${String(min)} bis ${String(max)}`,
      addRole: 'Rolle hinzufügen',
      rolesFull: (max) => `Eine Besprechung kann höchstens ${String(max)} Rollen haben.`,
      roleGroup: (i) => `Rolle ${String(i)}`,
      roleRow: (i) => `Rolle ${String(i)}`,
      role: 'Rolle',
      roleName: 'Name der Rolle',
      heldBy: 'Übernommen von',
      choosePerson: 'Person auswählen',
      addDeliverable: 'Ergebnis hinzufügen',
      deliverablesFull: (max) => `Eine Besprechung kann höchstens ${String(max)} Ergebnisse haben.`,
      deliverableGroup: (i) => `Ergebnis ${String(i)}`,
      deliverableRow: (i) => `Ergebnis ${String(i)}`,
      deliverableTitle: 'Titel des Ergebnisses',
      owner: 'Verantwortlich',
      dueDate: 'Fälligkeitsdatum',
      addSuccessMetric: 'Erfolgskriterium hinzufügen',
      metricsFull: (max) =>
        `Eine Besprechung kann höchstens ${String(max)} Erfolgskriterien haben.`,
      successMetric: 'Erfolgskriterium',
      metricRow: (i) => `Erfolgskriterium ${String(i)}`,
      templateSaved: (name) => `„${name}“ als Vorlage für dein Team gespeichert.`,
      templateSaveFailed: (error) => `Die Vorlage konnte nicht gespeichert werden: ${error}`,
      template: 'Vorlage',
      chooseTemplate: 'Vorlage auswählen',
      builtIn: 'Integriert',
      yourTeams: 'Von deinem Team',
      applyTemplate: 'Vorlage anwenden',
      saveAsTeamTemplate: 'Als Teamvorlage speichern',
      templateName: 'Name der Vorlage',
      saveTemplate: 'Vorlage speichern',
      cancelSavingTemplate: 'Speichern der Vorlage abbrechen',
      applyTo: 'Anwenden auf',
      thisMeetingOnly: 'Nur diese Besprechung',
      everyMeetingInSeries: 'Alle Besprechungen der Serie',
      replacesUnreadable: (series) =>
        `Beim Speichern werden die unlesbaren Erwartungen ersetzt, die für ${
          series ? 'die ganze Serie' : 'diese Besprechung'
        } gespeichert sind.`,
      unknownScope:
        'Rapport kann nicht erkennen, ob die unlesbaren Erwartungen zu dieser Besprechung oder zur ganzen Serie gehören, und ersetzt sie daher nicht; beim Speichern werden Erwartungen nur dort hinzugefügt, wo keine gespeichert sind.',
      seriesKeepsOwn:
        'Diese Besprechung hat eigene Erwartungen, die für sie bestehen bleiben; die anderen Besprechungen der Serie erhalten diese.',
      ownCopy:
        'Diese Besprechung erhält eine eigene Kopie; der Rest der Serie behält die Erwartungen der Serie.',
      unreadableTitle: 'Gespeicherte Erwartungen können nicht gelesen werden',
      unreadableBody: (by) =>
        `Sie wurden außerhalb von Rapport geändert${by ? ` (zuletzt von ${by})` : ''} und bestehen die Prüfungen nicht mehr. Rapport überschreibt sie nur, wenn eine organisierende Person das auswählt.`,
      startOverReplaces: '„Neu beginnen“ ersetzt sie durch neue Erwartungen, die du schreibst.',
      organizerCanStartOver: 'Eine organisierende Person kann neu beginnen.',
    },
    conflict: {
      someoneElse: 'Jemand anderes',
      heading: 'Wähle, welche Änderungen bleiben',
      savedWhileEditing: (name) => `${name} hat gespeichert, während du bearbeitet hast`,
      explanation:
        'Die anderen Änderungen dieser Person und deine sind zusammengeführt. Die Punkte unten habt ihr beide geändert: Wähle für jeden eine Version. Bis dahin wird nichts gespeichert, und deine Änderungen bleiben im Editor.',
      yours: 'Deine',
      theirs: (name) => `Andere (${name})`,
      keepWhich: (label) => `Welche Version von ${label} behalten?`,
      chooseVersion: 'Wähle eine Version.',
      keepMine: 'Meine behalten',
      keepTheirs: 'Andere behalten',
      chooseEvery: 'Wähle zuerst für jeden Punkt „Meine behalten“ oder „Andere behalten“.',
      saveWithChoices: 'Mit dieser Auswahl speichern',
      backToEdits: 'Zurück zu meinen Änderungen',
      noAgendaItems: 'Keine Agendapunkte',
      noRoles: 'Keine Rollen',
      nothingWritten: 'Nichts geschrieben',
      noSuccessMetrics: 'Keine Erfolgskriterien',
      removed: 'Entfernt',
      deliverableLine: (title, owner, due, status) =>
        `${title} — ${owner}, fällig ${due}, ${status}`,
    },
  },
  summaries: {
    fromLastTime: 'Vom letzten Mal',
    agreedOn: (when) => `Am ${when} vereinbarte Ergebnisse und ihr aktueller Stand:`,
    ownerDue: (owner, due, status) => `: ${owner}, fällig ${due}, ${status}`,
    title: 'Besprechungszusammenfassung',
    looking: 'Die Zusammenfassung der Besprechung wird gesucht…',
    loadFailed: 'Die Zusammenfassung der Besprechung konnte nicht geladen werden.',
    invalid:
      'Die gespeicherte Zusammenfassung wurde außerhalb von Rapport geändert und ist nicht mehr lesbar. Frag die Person, die sie geändert hat, oder lass sie von einer Websitebesitzerin oder einem Websitebesitzer entfernen, bevor du eine neue schreibst.',
    posted: 'Im Besprechungschat gepostet.',
    notConfirmed:
      'Gespeichert, aber im Besprechungschat noch nicht bestätigt: Öffne sie und poste sie erneut.',
    intro:
      'Poste nach der Besprechung eine Zusammenfassung im Besprechungschat: Die Erwartungen sind schon ausgefüllt, du ergänzt Entscheidungen und nächste Schritte.',
    edit: 'Zusammenfassung bearbeiten',
    write: 'Zusammenfassung schreiben',
    postedNotice: 'Die Zusammenfassung ist im Besprechungschat gepostet.',
    updatedNotice: 'Die Zusammenfassung im Besprechungschat ist aktualisiert.',
    conflictNotice:
      'Jemand anderes hat diese Zusammenfassung inzwischen geändert, deshalb wurde deine nicht gepostet. Die andere Version wird angezeigt; bearbeite sie erneut, um sie zu ändern.',
    editHeading: 'Besprechungszusammenfassung bearbeiten',
    writeHeading: 'Besprechungszusammenfassung schreiben',
    postFailed: 'Die Zusammenfassung konnte nicht gepostet werden.',
    posting: 'Wird gepostet…',
    updatePosted: 'Gepostete Zusammenfassung aktualisieren',
    post: 'Im Besprechungschat posten',
    backToEditing: 'Zurück zur Bearbeitung',
    fromExpectations: (none) =>
      `Aus den Erwartungen der Besprechung${none ? ' (es wurden keine geschrieben)' : ''}:`,
    deliverablesInSummary: 'Ergebnisse in der Zusammenfassung',
    cannotPostYet: 'Die Zusammenfassung kann noch nicht gepostet werden.',
    preview: 'Vorschau',
    cancel: 'Abbrechen',
    previewHeading: (subject) => `Besprechungszusammenfassung: ${subject}`,
    nothingYet: 'Noch nichts zusammenzufassen.',
    decisions: 'Entscheidungen',
    decisionsHint: (count, length) =>
      `Eine Entscheidung pro Zeile: bis zu ${String(count)}, jeweils höchstens ${String(length)} Zeichen.`,
    nextSteps: 'Nächste Schritte',
    nextStepsHint: (count, length) =>
      `Ein Schritt pro Zeile: bis zu ${String(count)}, jeweils höchstens ${String(length)} Zeichen.`,
    line: (i) => `Zeile ${String(i)}: `,
  },
  commitments: {
    whereToGetHelp: 'Hier bekommst du Hilfe',
    loadingRoutes: 'Die Hilfewege deines Teams werden geladen…',
    routesFailed:
      'Die Hilfewege deines Teams konnten nicht geladen werden. Du findest sie im Kanal-Tab des Teams.',
    noRoutes:
      'Dein Team hat noch keine Hilfewege angegeben; alle im Team können sie im Rapport-Tab des Teams hinzufügen.',
    askedFrom: { mentor: 'bei einer Mentorin oder einem Mentor', channel: 'im Hilfekanal' },
    youAsked: (route, when) => `Du hast am ${when} ${route} um Hilfe gebeten.`,
    kinds: { link: 'Link', document: 'Dokument', howTo: 'Anleitung' },
    helpRoutes: 'Hilfewege',
    helpChannel: 'Hilfekanal: ',
    expectAnswer: (time) => `Antwort erwartet: ${time}`,
    resources: 'Ressourcen',
    resourcesAndRoutes: 'Ressourcen und Hilfewege',
    loadingResources: 'Die Ressourcen des Teams werden geladen',
    resourcesFailed: 'Die Ressourcen des Teams konnten nicht geladen werden.',
    resourcesInvalid:
      'Die gespeicherten Ressourcen wurden außerhalb von Rapport geändert und können nicht angezeigt werden. Speichern hier ersetzt sie.',
    noResources:
      'Noch keine Ressourcen oder Hilfewege. Füge einen Hilfekanal, Mentorinnen und Mentoren pro Thema und die Links hinzu, auf die sich dein Team verlässt.',
    editResources: 'Ressourcen und Hilfewege bearbeiten',
    teamCommitments: 'Zusagen des Teams',
    loadingCommitments: 'Die Zusagen des Teams werden geladen',
    commitmentsFailed: 'Die Zusagen des Teams konnten nicht geladen werden.',
    noneDueSince: (since) => `Seit ${since} sind keine Ergebnisse fällig.`,
    headline: (onTrack, atRisk, blocked, overdue) =>
      `${String(onTrack)} im Plan, ${String(atRisk)} gefährdet, ${String(blocked)} blockiert, ${String(overdue)} überfällig`,
    dueSince: (total, since, headline) =>
      `${String(total)} ${n(total, { one: 'Ergebnis', other: 'Ergebnisse' })} seit ${since} fällig: ${headline}.`,
    byMeeting: 'Ergebnisse nach Besprechung',
    meetingOrSeries: 'Besprechung oder Serie',
    columns: {
      onTrack: 'Im Plan',
      atRisk: 'Gefährdet',
      blocked: 'Blockiert',
      overdue: 'Überfällig',
      notStarted: 'Nicht begonnen',
      done: 'Erledigt',
      total: 'Gesamt',
    },
    countsOnly:
      'Nur Zahlen: Verantwortliche melden ihren Fortschritt selbst, und diese Ansicht zeigt nie, wer.',
    notCounted: (count) =>
      `${String(count)} außerhalb von Rapport ${n(count, { one: 'geänderter Eintrag konnte', other: 'geänderte Einträge konnten' })} nicht gezählt werden.`,
    chatWith: (name, topic, answers) =>
      `Chat mit ${name} (${topic})${answers ? `, antwortet ${answers}` : ''}`,
    postIn: (channel, answers) => `In ${channel} posten${answers ? `, Antwort ${answers}` : ''}`,
    couldNotOpen: 'Teams konnte es nicht öffnen.',
    notNoted:
      'Teams hat es geöffnet, aber Rapport konnte nicht vermerken, dass du um Hilfe gebeten hast.',
    askForHelp: 'Um Hilfe bitten',
    askForHelpWith: (title) => `Um Hilfe bitten bei ${title}`,
    noMentors:
      'Dein Team hat noch keine Mentorinnen, Mentoren oder keinen Hilfekanal angegeben. Alle im Team können sie im Rapport-Tab des Teams hinzufügen.',
    whoToAsk: 'Wen fragen',
    message: 'Nachricht',
    chatHint: 'Teams öffnet einen Chat, in dem dies schon steht; du sendest es.',
    channelHint: 'Teams öffnet den Hilfekanal; füge dies dort in einen neuen Beitrag ein.',
    openChatWith: (name) => `Chat mit ${name} öffnen`,
    openHelpChannel: 'Hilfekanal öffnen',
    cancel: 'Abbrechen',
    editor: {
      label: 'Ressourcen und Hilfewege bearbeiten',
      helpChannel: 'Hilfekanal',
      channelName: 'Kanalname',
      channelLink: 'Kanallink',
      channelLinkHint: 'In Teams: „Link zum Kanal abrufen“ des Kanals.',
      responseTime: 'Erwartete Antwortzeit',
      responseTimeHint: 'Zum Beispiel: innerhalb eines Tages',
      mentor: (i) => `Mentor*in oder Fachperson ${String(i)}`,
      topic: 'Thema',
      name: 'Name',
      signInAddress: 'Anmeldeadresse',
      removeMentor: (i) => `Mentor*in ${String(i)} entfernen`,
      resource: (i) => `Ressource ${String(i)}`,
      kind: 'Art',
      title: 'Titel',
      link: 'Link',
      note: 'Notiz',
      removeResource: (i) => `Ressource ${String(i)} entfernen`,
      addMentor: 'Mentor*in oder Fachperson hinzufügen',
      addResource: 'Ressource hinzufügen',
      conflict:
        'Jemand hat die Ressourcen des Teams gespeichert, während du bearbeitet hast; die andere Version steht oben. Deine Änderungen sind noch in diesem Formular: Wähle „Speichern“, um sie an deren Stelle zu setzen, oder „Abbrechen“, um die andere Version zu behalten.',
      needsChange:
        'Einige Felder müssen vor dem Speichern geändert werden: Sieh dir die Hinweise daneben an.',
      saveFailed: 'Die Ressourcen konnten nicht gespeichert werden.',
      save: 'Ressourcen und Hilfewege speichern',
    },
  },
};
