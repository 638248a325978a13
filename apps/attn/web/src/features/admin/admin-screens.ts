// The admin's screens, in the order the home page and the navigation list them.
export const ADMIN_SCREENS = [
  { key: 'courses', href: '/admin/courses' },
  { key: 'import', href: '/admin/import' },
  { key: 'sis', href: '/admin/sis' },
  { key: 'jobs', href: '/admin/jobs' },
  { key: 'privacy', href: '/admin/privacy' },
] as const;
