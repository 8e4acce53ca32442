/** Virtual modules of vite.config.ts. */
declare module 'virtual:mantine-styles' {}
