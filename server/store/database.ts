import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export type Db = Database.Database

/**
 * Schema migrations by name. The first three predate names and were counted by
 * `user_version`; every later one is recorded in `schema_migrations`, so
 * features add their own entry without renumbering anyone else's.
 */
interface Migration {
  name: string
  sql: string
}

const LEGACY_MIGRATIONS: string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     method TEXT NOT NULL,
     title TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     facilitator_key_hash TEXT NOT NULL,
     participant_key_hash TEXT NOT NULL,
     settings TEXT NOT NULL DEFAULT '{}'
   );
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc, seq);
   CREATE TABLE doc_states (
     doc TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  // Exports: the latest board image a client made, and the facts a workshop file brought along when imported.
  `CREATE TABLE board_images (
     workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     png BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE imported_facts (
     workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
     votes TEXT NOT NULL,
     control TEXT,
     imported_at INTEGER NOT NULL
   );`,
  // Dot votes: a vote's rules and, per voter, their dots per card. Voters are
  // hashes of random browser ids, never names. Deleting the workshop deletes both.
  `CREATE TABLE votes (
     workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
     rules TEXT NOT NULL,
     opened_at INTEGER NOT NULL,
     closed_at INTEGER,
     counts TEXT,
     PRIMARY KEY (workshop_id, id)
   );
   CREATE UNIQUE INDEX votes_one_open ON votes (workshop_id) WHERE status = 'open';
   CREATE TABLE vote_dots (
     workshop_id TEXT NOT NULL,
     vote_id TEXT NOT NULL,
     voter TEXT NOT NULL,
     card_id TEXT NOT NULL,
     dots INTEGER NOT NULL CHECK (dots > 0),
     PRIMARY KEY (workshop_id, vote_id, voter, card_id),
     FOREIGN KEY (workshop_id, vote_id) REFERENCES votes (workshop_id, id) ON DELETE CASCADE
   );`,
]

/** Later migrations, applied in this order when missing. Add new ones at the end with a name of their own. */
const MIGRATIONS: Migration[] = [
  {
    name: 'server-secrets',
    sql: `CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL, created_at INTEGER NOT NULL);`,
  },
  {
    // Organisers sign in; see server/store/organiserStore.ts, sessionStore.ts, workshopAccessStore.ts, auditStore.ts.
    name: 'organisers-sessions-audit',
    sql: `CREATE TABLE organisers (
       id TEXT PRIMARY KEY,
       email TEXT NOT NULL UNIQUE,
       password_hash TEXT,
       created_at INTEGER NOT NULL,
       last_sign_in_at INTEGER
     );
     CREATE TABLE organiser_tokens (
       token_hash TEXT PRIMARY KEY,
       purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'password')),
       organiser_id TEXT REFERENCES organisers (id) ON DELETE CASCADE,
       created_at INTEGER NOT NULL,
       expires_at INTEGER NOT NULL
     );
     CREATE TABLE sessions (
       id_hash TEXT PRIMARY KEY,
       organiser_id TEXT NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
       via TEXT NOT NULL,
       created_at INTEGER NOT NULL,
       expires_at INTEGER NOT NULL
     );
     CREATE INDEX sessions_by_expiry ON sessions (expires_at);
     CREATE INDEX sessions_by_organiser ON sessions (organiser_id);
     CREATE TABLE workshop_organisers (
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       email TEXT NOT NULL,
       added_by TEXT,
       added_at INTEGER NOT NULL,
       PRIMARY KEY (workshop_id, email)
     );
     CREATE INDEX workshop_organisers_by_email ON workshop_organisers (email);
     CREATE TABLE organiser_keys (
       key_hash TEXT PRIMARY KEY,
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       session_hash TEXT NOT NULL REFERENCES sessions (id_hash) ON DELETE CASCADE,
       email TEXT NOT NULL,
       created_at INTEGER NOT NULL
     );
     CREATE INDEX organiser_keys_by_workshop ON organiser_keys (workshop_id);
     CREATE INDEX organiser_keys_by_session ON organiser_keys (session_hash);
     CREATE TABLE workshop_links (
       workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
       participant_key_sealed TEXT NOT NULL
     );
     CREATE TABLE workshop_activity (
       workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
       last_activity_at INTEGER NOT NULL
     );
     CREATE TABLE audit_log (
       seq INTEGER PRIMARY KEY AUTOINCREMENT,
       at INTEGER NOT NULL,
       workshop_id TEXT,
       action TEXT NOT NULL,
       actor_kind TEXT NOT NULL,
       actor_email TEXT,
       detail TEXT
     );
     CREATE INDEX audit_log_by_workshop ON audit_log (workshop_id, seq);
     CREATE INDEX audit_log_by_time ON audit_log (at);
     -- Workshops that exist when this version first runs count as used now: retention starts counting from here.
     INSERT INTO workshop_activity (workshop_id, last_activity_at) SELECT id, CAST(strftime('%s', 'now') AS INTEGER) * 1000 FROM workshops;
     CREATE TABLE imports_in_progress (
       workshop_id TEXT PRIMARY KEY,
       started_at INTEGER NOT NULL
     );`,
  },
  {
    // Programmes (server/store/programmeStore.ts): workshops run as one, with keys that open each of them,
    // and which earlier cards each workshop has been given (card ids only, never text).
    name: 'programmes',
    sql: `CREATE TABLE programmes (
       id TEXT PRIMARY KEY,
       method TEXT NOT NULL,
       title TEXT NOT NULL,
       created_at INTEGER NOT NULL,
       facilitator_key_hash TEXT NOT NULL,
       participant_key_hash TEXT NOT NULL,
       participant_key_sealed TEXT,
       settings TEXT NOT NULL DEFAULT '{}'
     );
     CREATE TABLE programme_workshops (
       workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
       programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
       position INTEGER NOT NULL,
       carried_at INTEGER
     );
     CREATE INDEX programme_workshops_by_programme ON programme_workshops (programme_id, position);
     CREATE TABLE programme_organisers (
       programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
       email TEXT NOT NULL,
       PRIMARY KEY (programme_id, email)
     );
     CREATE INDEX programme_organisers_by_email ON programme_organisers (email);
     CREATE TABLE carried_cards (
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       origin TEXT NOT NULL,
       PRIMARY KEY (workshop_id, origin)
     );`,
  },
  {
    // The closing evaluation (server/evaluation/evaluationStore.ts). Responses hold no name, key, user id,
    // address or time: only the hash of a random token the server issued, and the answers. WITHOUT ROWID
    // keeps rows in the order of that hash, so not even their place in the file tells when they came.
    name: 'evaluation',
    sql: `CREATE TABLE evaluations (
       workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
       questions TEXT NOT NULL,
       status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
       opened_at INTEGER NOT NULL,
       closed_at INTEGER,
       link_key_hash TEXT NOT NULL,
       link_key_sealed TEXT NOT NULL,
       follow_up_date TEXT,
       follow_up_opens_at INTEGER,
       follow_up_closed_at INTEGER,
       follow_up_key_hash TEXT,
       follow_up_key_sealed TEXT
     );
     CREATE TABLE evaluation_tokens (
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       round TEXT NOT NULL CHECK (round IN ('session', 'follow-up')),
       token_hash TEXT NOT NULL,
       PRIMARY KEY (workshop_id, round, token_hash)
     ) WITHOUT ROWID;
     CREATE TABLE evaluation_responses (
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       round TEXT NOT NULL CHECK (round IN ('session', 'follow-up')),
       token_hash TEXT NOT NULL,
       answers TEXT NOT NULL,
       PRIMARY KEY (workshop_id, round, token_hash)
     ) WITHOUT ROWID;`,
  },
  {
    // One picture per frame of the board (server/export/boardImages.ts): the report shows each frame that holds cards
    // at the page's width, instead of the whole board shrunk to a strip.
    name: 'board-frame-images',
    sql: `CREATE TABLE board_frame_images (
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       frame_id TEXT NOT NULL,
       png BLOB NOT NULL,
       created_at INTEGER NOT NULL,
       PRIMARY KEY (workshop_id, frame_id)
     );`,
  },
  {
    // Trainings made from a WS5 board (server/trainings/trainingStore.ts): the definition holds the plan's card
    // texts, so it goes with the last of its session workshops (deleteUnused, in the delete's transaction).
    name: 'made-trainings',
    sql: `CREATE TABLE made_trainings (id TEXT PRIMARY KEY, definition TEXT NOT NULL, created_at INTEGER NOT NULL);
     CREATE TABLE made_training_workshops (
       training_id TEXT NOT NULL REFERENCES made_trainings (id) ON DELETE CASCADE,
       workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
       PRIMARY KEY (training_id, workshop_id)
     ) WITHOUT ROWID;`,
  },
]

/**
 * Opens (and creates) the embedded store. WAL lets readers run beside the
 * writer; synchronous=NORMAL keeps every committed write across a crash or
 * kill of the process (only a power loss can take the last transactions).
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'samverkstad.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // Deleted content (a deleted workshop, updates folded away by compaction) is overwritten with zeros, not left in free pages.
  db.pragma('secure_delete = ON')
  migrate(db)
  return db
}

/**
 * Runs `remove` (deletes) in one transaction so that what it removes is gone
 * from the database file and its WAL: secure_delete (on for every
 * connection, see openDatabase) zeroes the freed content, and the WAL, which
 * still holds older copies of those pages, is folded into the file and
 * emptied.
 */
export function eraseForGood(db: Db, remove: () => void): void {
  db.transaction(remove)()
  db.pragma('wal_checkpoint(TRUNCATE)')
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < LEGACY_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(LEGACY_MIGRATIONS[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)')
  const applied = new Set(db.prepare<[], { name: string }>('SELECT name FROM schema_migrations').all().map((r) => r.name))
  const record = db.prepare<[string, number]>('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)')
  for (const m of MIGRATIONS) {
    if (applied.has(m.name)) continue
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.name, Date.now())
    })()
  }
}
