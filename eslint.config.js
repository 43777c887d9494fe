import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * src/ in layers, lowest first: a module imports from its own layer and the layers below it,
 * never from one above (docs/architecture.md). main.ts and index.ts, at the top, wire them all.
 */
const LAYERS = [
  'core',
  'http',
  'model',
  'twilio',
  'config',
  'engine',
  'report',
  'action',
  'github',
];

const layerRules = LAYERS.map((layer, index) => {
  const above = [...LAYERS.slice(index + 1)];
  const forbidden = `^\\.\\./(?:(?:${above.join('|') || '(?!)'})/|(?:main|index)\\.js$)`;
  const message = `${layer} is below ${above.join(', ') || 'nothing'} and main.ts: see docs/architecture.md.`;
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: forbidden, message }] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression[source.value=/${forbidden.replaceAll('/', '\\/')}/]`,
          message,
        },
        {
          selector: `TSImportType[argument.literal.value=/${forbidden.replaceAll('/', '\\/')}/]`,
          message,
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/', 'bench/.sdk/', 'bench/.build/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  ...layerRules,
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
