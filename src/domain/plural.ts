/** "1 stale security patch", "2 stale security patches". */
export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
