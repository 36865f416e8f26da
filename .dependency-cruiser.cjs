// Module structure rules, checked by `npm run depcheck` (part of `npm test`).
// The pipeline reads one way (README "Development"): a module never needs,
// at run time, a module that needs it back. Type-only imports are left out
// (`import type` is erased from the build and cannot make a load-order cycle).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      comment: 'Modules that import each other at run time: move what both need into a module of its own.',
      severity: 'error',
      from: {path: '^(lib/|index\\.ts)'},
      to: {circular: true, viaOnly: {dependencyTypesNot: ['type-only']}, dependencyTypesNot: ['type-only']}
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to no file (the generator test sites import their generator’s virtual modules, such as astro:content).',
      severity: 'error',
      from: {pathNot: '^test/generators/'},
      // `bin/` loads the build (`dist/`), which a fresh checkout does not have yet.
      to: {couldNotResolve: true, pathNot: '^\\.\\./dist/'}
    },
    {
      name: 'no-unlisted-package',
      comment: 'A package the code imports must be named in package.json, not found by hoisting.',
      severity: 'error',
      from: {},
      to: {dependencyTypes: ['npm-no-pkg', 'npm-unknown']}
    },
    {
      name: 'no-dev-dependency-in-lib',
      comment: 'Shipping code may only need the package’s dependencies.',
      severity: 'error',
      from: {path: '^(lib/|index\\.ts)'},
      to: {dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only']}
    }
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['types', 'import', 'node', 'default']}
  }
}
