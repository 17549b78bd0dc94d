// Imported first by the CLI: every chalk instance loaded afterwards (ours and Ink's) reads
// FORCE_COLOR, but none of them reads NO_COLOR (https://no-color.org).
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
