import type * as G from '@microsoft/microsoft-graph-types';
import { applySelect, parseSelect } from '../http/odata';
import { graphRoute, callerUserId, param, type Tenant, type TenantApp } from '../http/context';
import { notFound } from '../http/graph-error';
import { P } from './permissions';

/** Finds a user by object id or by mail/UPN (case-insensitive), as `/users/{id|userPrincipalName}` does. */
export function findUser(tenant: Tenant, idOrMail: string): G.User | undefined {
  const users = tenant.store.state.users;
  const direct = users[idOrMail];
  if (direct) return direct;
  const key = idOrMail.toLowerCase();
  return Object.values(users).find(
    (u) => u.mail?.toLowerCase() === key || u.userPrincipalName?.toLowerCase() === key,
  );
}

export function registerUserRoutes(app: TenantApp, tenant: Tenant): void {
  const context = (suffix: string) => `${tenant.origin()}/v1.0/$metadata#${suffix}`;

  graphRoute(app, 'get', '/me', '/me', P.me, (c) => {
    const user = tenant.store.state.users[callerUserId(c)];
    if (!user) throw notFound('The user was not found.', 'Request_ResourceNotFound');
    return c.json({
      '@odata.context': context('users/$entity'),
      ...applySelect(user, parseSelect(c.req.query('$select'))),
    });
  });

  graphRoute(app, 'get', '/users/:id', '/users/{id}', P.users, (c) => {
    const user = findUser(tenant, param(c, 'id'));
    if (!user) {
      throw notFound(
        `Resource '${param(c, 'id')}' does not exist or one of its queried reference-property objects are not present.`,
        'Request_ResourceNotFound',
      );
    }
    return c.json({
      '@odata.context': context('users/$entity'),
      ...applySelect(user, parseSelect(c.req.query('$select'))),
    });
  });

  graphRoute(app, 'get', '/me/mailboxSettings', '/me/mailboxSettings', P.mailboxSettings, (c) => {
    const id = callerUserId(c);
    const settings = tenant.store.state.mailboxSettings[id];
    if (!settings) throw notFound('The mailbox was not found.', 'ErrorMailboxNotFound');
    return c.json({ '@odata.context': context(`users('${id}')/mailboxSettings`), ...settings });
  });

  // One route per property so that each is recorded with its own path (ROUTES, permissions).
  for (const part of ['timeZone', 'workingHours'] as const) {
    graphRoute(
      app,
      'get',
      `/me/mailboxSettings/${part}`,
      `/me/mailboxSettings/${part}`,
      P.mailboxSettings,
      (c) => {
        const id = callerUserId(c);
        const settings = tenant.store.state.mailboxSettings[id];
        if (!settings) throw notFound('The mailbox was not found.', 'ErrorMailboxNotFound');
        const value = settings[part];
        const odataContext = context(`users('${id}')/mailboxSettings/${part}`);
        // A primitive property comes wrapped in `value`; a complex one is the object itself.
        return c.json(
          part === 'timeZone'
            ? { '@odata.context': odataContext, value }
            : { '@odata.context': odataContext, ...(value as object) },
        );
      },
    );
  }
}
