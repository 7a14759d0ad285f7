// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

/**
 * The layers of ARCHITECTURE.md. Dependencies point one way:
 * domain <- graph/auth/host <- features <- app; nothing in the product imports `local`.
 * The relay is a server of its own: it uses domain and graph, and no client code imports it.
 */
const elements = [
  { type: 'domain', pattern: 'src/domain' },
  { type: 'graph', pattern: 'src/graph' },
  { type: 'auth', pattern: 'src/auth' },
  { type: 'host', pattern: 'src/host' },
  { type: 'relay', pattern: 'src/relay' },
  // The tab's production host: its security headers and static server (nothing of the app).
  { type: 'hosting', pattern: 'src/hosting' },
  // The app's client for the relay's HTTP API (an adapter like graph), not the relay itself.
  { type: 'relay-client', pattern: 'src/relay-client' },
  { type: 'features', pattern: 'src/features' },
  { type: 'app', pattern: 'src/app' },
  { type: 'local', pattern: 'src/local' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'bench', pattern: 'bench' },
  { type: 'tests', pattern: 'tests' },
];

const adapters = ['graph', 'auth', 'host', 'relay-client'];
const product = ['domain', ...adapters, 'features', 'app'];

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'deploy/*/dist', 'coverage', '.data', 'appPackage/build'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX, boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*', 'tests/**/*', 'scripts/**/*', 'bench/**/*'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            {
              from: { element: { type: 'domain' } },
              allow: { to: { element: { type: 'domain' } } },
            },
            ...adapters.map((type) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: ['domain', type] } } } },
            })),
            {
              from: { element: { type: 'relay' } },
              // hosting: the Node listener both servers share.
              allow: {
                to: { element: { types: { anyOf: ['domain', 'graph', 'relay', 'hosting'] } } },
              },
            },
            {
              from: { element: { type: 'hosting' } },
              allow: { to: { element: { type: 'hosting' } } },
            },
            {
              from: { element: { type: 'features' } },
              allow: { to: { element: { types: { anyOf: ['domain', 'features'] } } } },
            },
            {
              from: { element: { type: 'app' } },
              allow: { to: { element: { types: { anyOf: product } } } },
            },
            {
              from: { element: { type: 'local' } },
              allow: {
                to: { element: { types: { anyOf: ['domain', 'graph', 'relay', 'local'] } } },
              },
            },
            {
              from: { element: { types: { anyOf: ['scripts', 'bench'] } } },
              allow: {
                to: {
                  element: {
                    types: { anyOf: [...product, 'relay', 'hosting', 'local', 'scripts', 'bench'] },
                  },
                },
              },
            },
            {
              // Tests may call a script's exported function (the provisioning command) as well as
              // run it as a process.
              from: { element: { type: 'tests' } },
              allow: {
                to: {
                  element: {
                    types: { anyOf: [...product, 'relay', 'hosting', 'local', 'scripts', 'tests'] },
                  },
                },
              },
            },
          ],
        },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The domain is pure: time and randomness are passed in, never read.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The domain does no I/O; take a port.' },
        { name: 'window', message: 'The domain does not touch the browser.' },
        { name: 'document', message: 'The domain does not touch the browser.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass a clock into the domain.' },
        { object: 'Math', property: 'random', message: 'Pass a seeded random source.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'Pass a clock into the domain.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@fluentui/*', '@microsoft/teams-js', '@azure/*'],
              message: 'The domain is pure.',
            },
            { group: ['node:*'], message: 'The domain is pure.' },
          ],
        },
      ],
    },
  },
  {
    // The local tenant keeps its state as plain JSON records keyed by id (so it persists as is);
    // removing an entry by key is the natural operation there.
    files: ['src/local/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  {
    // Tests read arbitrary Graph JSON; typing every response body would only add casts.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
