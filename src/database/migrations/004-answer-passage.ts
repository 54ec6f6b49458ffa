// Answers are paragraphs now, not always an entry's lead: which one was shown, so that "all
// sources" and "Arabic original" can find it again.
export default `
ALTER TABLE exchanges ADD COLUMN passage INTEGER;
`;
