import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ComponentType } from 'react';
import type { HostTheme } from '../domain/ports/host';
import { I18nProvider, type I18n } from '../features/shared/i18n/i18n';
import { languageOf } from '../features/shared/i18n/language';
import { loadMessages } from '../features/shared/i18n/load';
import { ServicesProvider, type Services } from '../features/shared/services';
import { compose } from './compose';
import { Shell } from './shell';
import { ViewFor } from './views';

function Root({
  services,
  queryClient,
  i18n,
}: {
  services: Services;
  queryClient: QueryClient;
  i18n: I18n;
}) {
  const [theme, setTheme] = useState<HostTheme>(services.host.context().theme);
  useEffect(() => services.host.onThemeChange(setTheme), [services.host]);
  return (
    <QueryClientProvider client={queryClient}>
      <ServicesProvider services={services}>
        <I18nProvider value={i18n}>
          <Shell theme={theme}>
            <ViewFor context={services.host.context()} origin={window.location.origin} />
          </Shell>
        </I18nProvider>
      </ServicesProvider>
    </QueryClientProvider>
  );
}

/** Connects to the host, picks sign-in and Graph, and returns the app to render. */
export async function startApp(): Promise<ComponentType> {
  const services = await compose();
  // The UI speaks the host's language (German for `de*`, English otherwise), chosen once.
  const language = languageOf(services.host.context().locale);
  const i18n: I18n = { language, t: await loadMessages(language) };
  document.documentElement.lang = language;
  const queryClient = new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: true } },
  });
  services.host.notifyAppLoaded();
  services.host.notifySuccess();
  return function App() {
    return <Root services={services} queryClient={queryClient} i18n={i18n} />;
  };
}
