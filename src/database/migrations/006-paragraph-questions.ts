// Questions that one paragraph answers (front matter `paragraph_questions:`): NULL for the entry's.
export default `
ALTER TABLE entry_questions ADD COLUMN paragraph INTEGER;
`;
