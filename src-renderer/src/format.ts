// The dashboard formats with the same module the alert messages use, so a figure reads
// the same in a notification and on the page.
export * from '#shared/format';
