// A plain app-router host: no transpilePackages, no webpack tweaks; tracelens must work as published.
export default { poweredByHeader: false };
