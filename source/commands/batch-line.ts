import { z } from 'zod';

/** One line of a `postsafe score --batch` file. Kept apart so a one-reply score never loads zod. */
export const BatchLine = z.strictObject({ scenario: z.string().min(1), replies: z.array(z.string()).min(1) });
