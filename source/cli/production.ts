// Imported first by the CLI, before React is loaded (the UI is imported when a command needs it):
// React's development build checks every render and runs several times slower in a terminal UI.
process.env.NODE_ENV ??= 'production';
