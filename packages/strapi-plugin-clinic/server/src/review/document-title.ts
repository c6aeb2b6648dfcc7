/** What an editor calls a version of a clinic document: its title, question or name. */
export const documentTitle = (row: Record<string, any>): string => row.title ?? row.question ?? row.fullName ?? row.name ?? row.documentId;
