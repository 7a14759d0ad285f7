import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { HostTheme } from '../domain/ports/host';
import { I18nProvider, type I18n } from '../features/shared/i18n/i18n';
import { languageOf } from '../features/shared/i18n/language';
import { loadMessages } from '../features/shared/i18n/load';
import { ServicesProvider, type Services } from '../features/shared/services';
import { Shell } from './shell';

function Root({
  services,
  queryClient,
  i18n,
  children,
}: {
  services: Services;
  queryClient: QueryClient;
  i18n: I18n;
  children: ReactNode;
}) {
  const [theme, setTheme] = useState<HostTheme>(services.host.context().theme);
  useEffect(() => services.host.onThemeChange(setTheme), [services.host]);
  return (
    <QueryClientProvider client={queryClient}>
      <ServicesProvider services={services}>
        <I18nProvider value={i18n}>
          <Shell theme={theme}>{children}</Shell>
        </I18nProvider>
      </ServicesProvider>
    </QueryClientProvider>
  );
}

/**
 * The app around `view`: queries, services, the host's language and theme. The Teams tab
 * (app-root.tsx) and the Outlook add-in's pane (addin-main.tsx) start the same way.
 */
export async function withServices(
  services: Services,
  view: () => ReactNode,
): Promise<ComponentType> {
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
    return (
      <Root services={services} queryClient={queryClient} i18n={i18n}>
        {view()}
      </Root>
    );
  };
}
