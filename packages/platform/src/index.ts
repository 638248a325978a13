export const platformName: string = 'campus-platform';
