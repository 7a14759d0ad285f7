import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ComponentType } from 'react';
import type { HostTheme } from '../domain/ports/host';
import { ServicesProvider, type Services } from '../features/shared/services';
import { compose } from './compose';
import { Shell } from './shell';
import { ViewFor } from './views';

function Root({ services, queryClient }: { services: Services; queryClient: QueryClient }) {
  const [theme, setTheme] = useState<HostTheme>(services.host.context().theme);
  useEffect(() => services.host.onThemeChange(setTheme), [services.host]);
  return (
    <QueryClientProvider client={queryClient}>
      <ServicesProvider services={services}>
        <Shell theme={theme}>
          <ViewFor context={services.host.context()} origin={window.location.origin} />
        </Shell>
      </ServicesProvider>
    </QueryClientProvider>
  );
}

/** Connects to the host, picks sign-in and Graph, and returns the app to render. */
export async function startApp(): Promise<ComponentType> {
  const services = await compose();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: true } },
  });
  services.host.notifyAppLoaded();
  services.host.notifySuccess();
  return function App() {
    return <Root services={services} queryClient={queryClient} />;
  };
}
