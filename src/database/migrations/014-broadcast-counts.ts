// A finished broadcast's outcome, counted once when it finishes: {"sent": n, "failed": n, ...}.
// Its recipients never change after that, and counting tens of thousands of them again at every
// look (the console's Broadcasts and Figures pages) cost more than the rest of the page.
export default `
ALTER TABLE broadcasts ADD COLUMN counts TEXT;
UPDATE broadcasts SET counts = (
  SELECT json_group_object(state, n) FROM (SELECT state, count(*) AS n FROM broadcast_recipients r WHERE r.broadcast_id = broadcasts.id GROUP BY state)
) WHERE state = 'done';
`;
