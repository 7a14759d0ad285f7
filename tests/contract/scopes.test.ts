/**
 * The scope table (`src/graph/scopes.ts`) against every Graph call the code makes.
 *
 * The calls are read statically from `src/graph/**` (the Graph layer; nothing else in the product
 * calls Graph, which the last test checks): each `client.api(path)…get|post|patch|put|delete()`
 * and each `$batch` sub-request (an object with a literal `method` and a `url`). Paths are
 * evaluated from string literals, templates, constants and small path helpers (`sitePath`,
 * `itemsQuery`, …); `${…}` values become `{id}`, queries are dropped. A path that cannot be read
 * fails the test, except a paging link (`@odata.nextLink` of a call already checked).
 *
 * For each (method, path), Microsoft's permission map (`shared/reference/graph/permissions.json`)
 * gives the delegated (work) permissions it lists and the least privileged one. The test checks:
 * - a declared scope covers the call (listed for it, or including a listed one: INCLUDES);
 * - nothing declared is broader than the map requires: each scope is the least privileged
 *   permission of some call, or is in EXCEPTIONS with its reason;
 * - every scope is used, and no scope reads presence, activity, sign-ins or mail content.
 * It also prints which scopes need an admin's consent (the map's requiresAdminConsent).
 *
 * Storage provisioning (`src/graph/storage/`, `npm run provision`) is the admin's tool, not the
 * tab's: its calls are held against the admin's own list (PROVISIONING, application permissions of
 * an app-only token), never against the tab's table, and nothing in that list widens what the tab
 * asks people for.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GRAPH_SCOPES } from '../../src/graph/scopes';
import { PROVISIONING_PERMISSIONS } from '../../src/graph/storage/provision-rapport';
import { repoRoot } from './support/paths';
import { INCLUDES, loadPermissionMap, withIncluded, type Listed } from './support/permission-map';

interface GraphCall {
  method: string;
  /** Lower-case, `{id}` for every value, no query: `/sites/{id}/lists/{id}/items`. */
  path: string;
  where: string;
  batched: boolean;
}

const graphDir = path.join(repoRoot, 'src/graph');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

const HTTP_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  patch: 'PATCH',
  update: 'PATCH',
  put: 'PUT',
  delete: 'DELETE',
  del: 'DELETE',
};

/** Reads Graph calls out of the Graph layer with the TypeScript compiler. */
function collectCalls(): { calls: GraphCall[]; unreadable: string[]; paging: string[] } {
  const program = ts.createProgram(sourceFiles(graphDir), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const calls: GraphCall[] = [];
  const unreadable: string[] = [];
  const paging: string[] = [];

  const declarationOf = (node: ts.Node): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  };

  /** The path an expression evaluates to, or undefined when it depends on run-time values. */
  const evaluate = (node: ts.Expression, depth = 0): string | undefined => {
    if (depth > 8) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
      return evaluate(node.expression, depth + 1);
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text;
      for (const span of node.templateSpans) {
        const inner = evaluate(span.expression, depth + 1);
        out += (inner?.startsWith('/') ? inner : '{id}') + span.literal.text;
      }
      return out;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(node.left, depth + 1);
      const right = evaluate(node.right, depth + 1);
      return left === undefined ? undefined : left + (right ?? '{id}');
    }
    if (ts.isIdentifier(node)) {
      const decl = declarationOf(node);
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
        return evaluate(decl.initializer, depth + 1);
      }
      return undefined;
    }
    if (ts.isCallExpression(node)) {
      const decl = declarationOf(node.expression);
      let fn: ts.SignatureDeclaration | undefined;
      if (decl && ts.isFunctionDeclaration(decl)) fn = decl;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = decl.initializer;
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) fn = init;
      }
      const body = fn && 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
      if (!body) return undefined;
      if (!ts.isBlock(body)) return evaluate(body as ts.Expression, depth + 1);
      const returns = new Set<string | undefined>();
      const visit = (n: ts.Node) => {
        if (ts.isReturnStatement(n) && n.expression) returns.add(evaluate(n.expression, depth + 1));
        else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
      };
      ts.forEachChild(body, visit);
      return returns.size === 1 ? [...returns][0] : undefined;
    }
    return undefined;
  };

  const normalize = (raw: string): string =>
    (raw.split('?')[0] ?? '')
      .replace(/^\/v1\.0/, '')
      .split('/')
      // `/sites/{hostname}:/{path}` keeps its colon: the map writes it `/sites/{id}:/{id}`.
      .map((segment) =>
        segment.includes('{id}') ? (segment.endsWith(':') ? '{id}:' : '{id}') : segment,
      )
      .join('/')
      .toLowerCase();

  /** A run-time path is fine only as a paging link Graph handed back. */
  const isPagingLink = (node: ts.Expression): boolean => {
    const text = (n: ts.Node) => n.getText();
    if (text(node).includes('nextLink')) return true;
    const decl = ts.isIdentifier(node) ? declarationOf(node) : undefined;
    if (!decl) return false;
    const scope = decl.parent.parent.parent; // the declaring block
    return text(scope).includes(`${node.getText()} =`) && text(scope).includes('nextLink');
  };

  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(graphDir)) continue;
    const visit = (node: ts.Node) => {
      const where = `${path.relative(repoRoot, file.fileName)}:${String(file.getLineAndCharacterOfPosition(node.getStart()).line + 1)}`;
      // client.api(path)….get()
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'api' &&
        node.arguments.length === 1
      ) {
        let method: string | undefined;
        // Up the chain `.api(…).header(…).get()` to the first HTTP verb.
        let up: ts.Node = node;
        for (let parent = up.parent as ts.Node | undefined; parent; parent = up.parent) {
          if (ts.isPropertyAccessExpression(parent) && parent.expression === up) {
            method = HTTP_METHODS[parent.name.text];
            if (method) break;
          } else if (!(ts.isCallExpression(parent) && parent.expression === up)) {
            break;
          }
          up = parent;
        }
        const arg = node.arguments[0] as ts.Expression;
        const raw = evaluate(arg);
        if (method === undefined) unreadable.push(`${where}: no HTTP method after .api()`);
        else if (raw !== undefined)
          calls.push({ method, path: normalize(raw), where, batched: false });
        else if (isPagingLink(arg)) paging.push(`${method} ${arg.getText()} (${where})`);
        else unreadable.push(`${where}: ${arg.getText()}`);
      }
      // $batch sub-requests: { method: 'GET', url: … }
      if (ts.isObjectLiteralExpression(node)) {
        const prop = (name: string) =>
          node.properties.find(
            (p): p is ts.PropertyAssignment =>
              ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
          );
        const methodProp = prop('method');
        const urlProp = prop('url');
        const method = methodProp ? evaluate(methodProp.initializer) : undefined;
        if (methodProp && urlProp && method && Object.values(HTTP_METHODS).includes(method)) {
          const raw = evaluate(urlProp.initializer);
          if (raw === undefined)
            unreadable.push(`${where}: batch url ${urlProp.initializer.getText()}`);
          else calls.push({ method, path: normalize(raw), where, batched: true });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { calls, unreadable, paging };
}

const { calls, unreadable, paging } = collectCalls();
const { byRoute, delegatedAdminConsent } = loadPermissionMap();
const declared: readonly string[] = Object.values(GRAPH_SCOPES);

/** The Entra registrations as committed (npm run entra), for every environment. */
const registrations = readdirSync(path.join(repoRoot, 'manifest'))
  .filter((f) => /^(rapport|relay)\.[a-z]+\.json$/.test(f))
  .map((f) => ({
    file: f,
    json: JSON.parse(readFileSync(path.join(repoRoot, 'manifest', f), 'utf8')),
  }));
const graphAccess = (json: any): { id: string; type: string }[] =>
  json.requiredResourceAccess.find((r: any) => r.resourceAppId === 'Microsoft Graph')
    ?.resourceAccess ?? [];
const relayRoles = [
  ...new Set(
    registrations
      .filter((r) => r.file.startsWith('relay.'))
      .flatMap((r) => graphAccess(r.json).map((a) => a.id)),
  ),
];

/**
 * Paths the code calls that the map lacks, mapped to the map's path for the same operation.
 * Each entry must be needed (the map lacks the code's own path, and has the alias).
 */
const PATH_ALIASES: Readonly<Record<string, string>> = {
  // calendarView of the signed-in user's default calendar; the map lists it as
  // /me/calendar/calendarView (and /users/{id}/calendarView).
  '/me/calendarview': '/me/calendar/calendarview',
};

/**
 * Permissions asked for that are not the map's least privileged permission for any call the tab
 * makes, with why. Each entry must be needed: a declared scope that is the least for no call, or
 * the relay's application permission. An entry "no call yet" must go once its call lands (then
 * the call's least privilege covers it), and is a candidate to drop from the table until then.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'Sites.Selected':
    'the relay’s only permission (application, manifest/relay.*.json): narrower than the map’s Sites.ReadWrite.All for list items, since it reaches only the sites an admin grants (the private site)',
  'GroupMember.Read.All':
    'declared for the team members of social programs (GET /groups/{id}/members); no call in src/graph yet; needs admin consent',
};

/**
 * Calls the tab never makes: storage provisioning (`src/graph/storage/`) runs when an admin
 * provisions the sites (`npm run provision`, and the local tenant on its first start), with an
 * app-only token of the admin's own app. They are held against the admin's application
 * permissions (PROVISIONING_PERMISSIONS: Sites.FullControl.All, which the map requires to grant
 * Sites.Selected, and GroupMember.Read.All to name a group-connected site's people) under the
 * map's Application scheme, instead of the tab's table, and they count for none of its scopes.
 */
const PROVISIONING = {
  dir: 'src/graph/storage/',
  scheme: 'Application',
  permissions: PROVISIONING_PERMISSIONS,
} as const;

function listedFor(call: GraphCall): { listed: Listed; mapPath: string } | undefined {
  const own = byRoute.get(`${call.method} ${call.path}`);
  if (own) return { listed: own, mapPath: call.path };
  const alias = PATH_ALIASES[call.path];
  const aliased = alias === undefined ? undefined : byRoute.get(`${call.method} ${alias}`);
  return alias !== undefined && aliased ? { listed: aliased, mapPath: alias } : undefined;
}

const graphCalls = calls.filter((c) => c.path !== '/$batch');
const isProvisioning = (c: GraphCall) => c.where.startsWith(PROVISIONING.dir);
/** One per (method, path), the tab's and provisioning's apart: the same call may be in both. */
const uniqueCalls = [
  ...new Map(
    graphCalls.map(
      (c) => [`${isProvisioning(c) ? 'admin ' : ''}${c.method} ${c.path}`, c] as const,
    ),
  ).values(),
];

describe('scopes against the Graph calls the code makes', () => {
  it('reads every call’s path', () => {
    expect(unreadable).toEqual([]);
    expect(uniqueCalls.length).toBeGreaterThan(10);
    expect(calls.some((c) => c.batched)).toBe(true);
    console.info(
      `Graph calls (${String(uniqueCalls.length)} distinct):\n${uniqueCalls
        .map((c) => `  ${c.method} ${c.path}${c.batched ? ' ($batch)' : ''}  ${c.where}`)
        .join('\n')}\nPaging links followed:\n  ${paging.join('\n  ')}`,
    );
  });

  it.each(
    uniqueCalls.map((c) => ({
      ...c,
      name: `${c.method} ${c.path}${isProvisioning(c) ? ' (provisioning, application)' : ''}`,
    })),
  )('$name is covered by a declared scope', (call) => {
    const found = listedFor(call);
    expect(found, `the map lists nothing for ${call.name} (${call.where})`).toBeDefined();
    const scheme = isProvisioning(call) ? PROVISIONING.scheme : 'DelegatedWork';
    const listed = found?.listed.all[scheme] ?? new Set<string>();
    const asking: readonly string[] = isProvisioning(call) ? PROVISIONING.permissions : declared;
    const covering = asking.filter((s) => withIncluded(s).some((p) => listed.has(p)));
    expect(
      covering,
      `no declared scope covers ${call.name}; the map lists ${[...listed].join(', ')}`,
    ).not.toEqual([]);
  });

  it('declares nothing broader than the calls need', () => {
    const leastNeeded = new Set<string>();
    for (const call of uniqueCalls.filter((c) => !isProvisioning(c))) {
      for (const p of listedFor(call)?.listed.least.DelegatedWork ?? []) leastNeeded.add(p);
    }
    const broader = declared.filter((s) => !leastNeeded.has(s) && !(s in EXCEPTIONS));
    expect(broader, `least privileged per call: ${[...leastNeeded].join(', ')}`).toEqual([]);
    for (const s of Object.keys(EXCEPTIONS)) {
      const needed = declared.includes(s) ? !leastNeeded.has(s) : relayRoles.includes(s);
      expect(needed, `exception ${s} is needed`).toBe(true);
    }
  });

  it('asks the admin for no more than provisioning needs, and the tab for none of it', () => {
    const admin = uniqueCalls.filter(isProvisioning);
    expect(admin.length).toBeGreaterThan(5);
    const leastForAdmin = new Set<string>();
    for (const call of admin) {
      for (const p of listedFor(call)?.listed.least.Application ?? []) leastForAdmin.add(p);
    }
    for (const p of PROVISIONING.permissions) {
      expect(leastForAdmin, `${p} is the least privileged for some provisioning call`).toContain(p);
    }
    // Provisioning's site permissions never reach the tab's table (the delegated
    // GroupMember.Read.All there is the tab's own, for social programs: EXCEPTIONS).
    expect(declared).not.toContain('Sites.FullControl.All');
    expect(declared).not.toContain('Sites.Manage.All');
  });

  it('uses every declared scope', () => {
    const unused = declared.filter(
      (s) =>
        !uniqueCalls.some((call) => {
          if (isProvisioning(call)) return false;
          const listed = listedFor(call)?.listed.all.DelegatedWork;
          return listed !== undefined && withIncluded(s).some((p) => listed.has(p));
        }),
    );
    expect(unused.filter((s) => !EXCEPTIONS[s]?.includes('no call'))).toEqual([]);
    for (const s of unused) console.info(`Declared, not called yet: ${s} (${EXCEPTIONS[s] ?? ''})`);
  });

  it('needs every alias it states', () => {
    for (const [own, alias] of Object.entries(PATH_ALIASES)) {
      expect(
        uniqueCalls.some((c) => c.path === own),
        `${own} is called`,
      ).toBe(true);
      expect(
        [...byRoute.keys()].some((k) => k.endsWith(` ${own}`)),
        `the map lacks ${own}`,
      ).toBe(false);
      expect(
        [...byRoute.keys()].some((k) => k.endsWith(` ${alias}`)),
        `the map has ${alias}`,
      ).toBe(true);
    }
    expect(Object.keys(INCLUDES).length).toBeGreaterThan(0);
  });

  it('registers the table’s scopes for the tab and only Sites.Selected for the relay', () => {
    expect(registrations.length).toBeGreaterThanOrEqual(6);
    for (const { file, json } of registrations) {
      const access = graphAccess(json);
      if (file.startsWith('rapport.')) {
        expect(access, file).toEqual(declared.map((id) => ({ id, type: 'Scope' })));
      } else {
        expect(access, file).toEqual([{ id: 'Sites.Selected', type: 'Role' }]);
      }
    }
    const listed = [...byRoute.entries()].filter(([k]) => k.includes('/sites/{id}/lists'));
    expect(listed.some(([, l]) => l.all.Application.has('Sites.ReadWrite.All'))).toBe(true);
  });

  it('reads no presence, activity, sign-ins or mail content', () => {
    const forbidden =
      /^(Presence\.|AuditLog\.|Reports\.|Mail\.Read|Mail\.ReadWrite|Mail\.ReadBasic)/;
    expect(declared.filter((s) => forbidden.test(s))).toEqual([]);
  });

  it('lists which scopes need an admin’s consent', () => {
    const table = declared.map((s) => {
      const consent = delegatedAdminConsent.get(s);
      expect(consent, `the map knows ${s}`).toBeDefined();
      return `  ${s}: ${consent ? 'admin consent' : 'user consent'}`;
    });
    console.info(`Delegated scopes and consent (permissions.json):\n${table.join('\n')}`);
  });

  it('finds Graph calls only in src/graph (the relay and the local tenant aside)', () => {
    const outside = sourceFiles(path.join(repoRoot, 'src'))
      .filter((f) => !/src\/(graph|local|relay)\//.test(f))
      .filter((f) => /\.api\(\s*['"`/]/.test(readFileSync(f, 'utf8')));
    expect(outside.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});
