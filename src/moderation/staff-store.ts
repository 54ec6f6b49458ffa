import type { Db } from '../database/open-database.js';

export const ROLES = ['admin', 'moderator', 'broadcaster'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffMember {
  userId: number;
  role: Role;
  onDuty: boolean;
}

export type StaffStore = ReturnType<typeof createStaffStore>;

/**
 * Staff and their roles (migration 007). Every check reads the table at the moment of the action:
 * a removed moderator's old buttons and replies stop working at once. Every change is audited.
 */
export function createStaffStore(db: Db) {
  const get = db.prepare('SELECT user_id, role, on_duty FROM staff WHERE user_id = ?');
  const all = db.prepare('SELECT user_id, role, on_duty FROM staff ORDER BY role, user_id');
  const upsert = db.prepare(
    `INSERT INTO staff (user_id, role, added_by) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET role = excluded.role`,
  );
  const remove = db.prepare('DELETE FROM staff WHERE user_id = ?');
  const duty = db.prepare('UPDATE staff SET on_duty = ? WHERE user_id = ?');
  const audit = db.prepare('INSERT INTO staff_audit (actor, action, target, role) VALUES (?, ?, ?, ?)');
  const toMember = (r: { user_id: number; role: Role; on_duty: number }): StaffMember => ({ userId: r.user_id, role: r.role, onDuty: r.on_duty === 1 });

  const add = db.transaction((actor: number | null, userId: number, role: Role) => {
    upsert.run(userId, role, actor);
    audit.run(actor, 'add', userId, role);
  });

  return {
    find: (userId: number) => {
      const row = get.get(userId) as Parameters<typeof toMember>[0] | undefined;
      return row && toMember(row);
    },
    list: () => (all.all() as Parameters<typeof toMember>[0][]).map(toMember),
    add,
    /** False when the user was not staff. */
    remove: db.transaction((actor: number, userId: number): boolean => {
      const changed = remove.run(userId).changes > 0;
      if (changed) audit.run(actor, 'remove', userId, null);
      return changed;
    }),
    setDuty: db.transaction((userId: number, on: boolean) => {
      duty.run(on ? 1 : 0, userId);
      audit.run(userId, on ? 'duty-on' : 'duty-off', userId, null);
    }),
    /**
     * ADMIN_IDS and MODERATOR_IDS seed the table: a listed id missing from it is added (audited as
     * the environment, actor null). Ids removed at run time by an admin stay removed only until the
     * environment lists them again: the environment is the floor, /staff the rest.
     */
    seed: db.transaction((admins: number[], moderators: number[]) => {
      for (const [ids, role] of [[admins, 'admin'], [moderators, 'moderator']] as const) {
        for (const id of ids) {
          const current = get.get(id) as { role: Role } | undefined;
          if (current?.role === role || (current?.role === 'admin' && role === 'moderator')) continue;
          add(null, id, role);
        }
      }
    }),
    /** Records an action of a member outside the staff list's own changes (console logins, drafts: target is then the gap). */
    audit: (actor: number, action: string, target: number) => void audit.run(actor, action, target, null),
    auditLog: (limit = 50) => db.prepare('SELECT actor, action, target, role, at FROM staff_audit ORDER BY id DESC LIMIT ?').all(limit),
  };
}

/** Whether a member may act on cases: moderators and admins. */
export const canModerate = (m: StaffMember | undefined): m is StaffMember => m?.role === 'admin' || m?.role === 'moderator';
