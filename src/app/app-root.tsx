import type { ComponentType } from 'react';
import { compose } from './compose';
import { ViewFor } from './views';
import { withServices } from './with-services';

/** Connects to the host, picks sign-in and Graph, and returns the app to render. */
export async function startApp(): Promise<ComponentType> {
  const services = await compose();
  return withServices(services, () => (
    <ViewFor context={services.host.context()} origin={window.location.origin} />
  ));
}
