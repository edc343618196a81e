// Lets tsc type-check tests that import .astro components (rendered through Astro's Container API).
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
