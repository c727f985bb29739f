-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Sprintboard developers
--
-- Migration 1: the first schema. Times are unix seconds (UTC); dates are 'YYYY-MM-DD'.
-- Never edit a migration that has landed: add the next numbered file instead.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE employees (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  email         TEXT NOT NULL COLLATE NOCASE UNIQUE,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status      INTEGER NOT NULL DEFAULT 1 CHECK (status BETWEEN 0 AND 3),
  manager_id  INTEGER NOT NULL REFERENCES employees (id),
  next_number INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL
);
CREATE INDEX projects_manager ON projects (manager_id);

CREATE TABLE project_members (
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  added_at    INTEGER NOT NULL,
  PRIMARY KEY (project_id, employee_id)
) WITHOUT ROWID;
CREATE INDEX project_members_employee ON project_members (employee_id, project_id);

CREATE TABLE columns (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  position   INTEGER NOT NULL,
  is_done    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, position)
);

CREATE TABLE stories (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  points      INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  UNIQUE (project_id, number)
);

-- deleted_at: a deleted task stays until purged so that Undo can bring it back whole.
CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  column_id   INTEGER NOT NULL REFERENCES columns (id),
  rank        REAL NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  story_id    INTEGER REFERENCES stories (id) ON DELETE SET NULL,
  assignee_id INTEGER REFERENCES employees (id) ON DELETE SET NULL,
  priority    INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
  due_date    TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER,
  UNIQUE (project_id, number)
);
CREATE INDEX tasks_board ON tasks (project_id, column_id, rank) WHERE deleted_at IS NULL;
CREATE INDEX tasks_column ON tasks (column_id);
CREATE INDEX tasks_story ON tasks (story_id) WHERE story_id IS NOT NULL;
CREATE INDEX tasks_assignee ON tasks (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tasks_due ON tasks (project_id, due_date) WHERE due_date IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES employees (id),
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  edited_at  INTEGER
);
CREATE INDEX comments_task ON comments (task_id, id);
CREATE INDEX comments_author ON comments (author_id);

CREATE TABLE activity (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  task_id    INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
  actor_id   INTEGER NOT NULL REFERENCES employees (id),
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX activity_task ON activity (task_id, id);
CREATE INDEX activity_project ON activity (project_id, id);
CREATE INDEX activity_actor ON activity (actor_id);

-- Remember-me sessions: the selector is public, the verifier is kept only as an Argon2id hash.
CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  employee_id   INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  selector      TEXT NOT NULL UNIQUE,
  verifier_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  revoked_at    INTEGER
);
CREATE INDEX sessions_employee ON sessions (employee_id);

-- Invites waiting to be sent; SbOutbox (src/services) drains it.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  employee_id     INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  invited_by      INTEGER REFERENCES employees (id) ON DELETE SET NULL,
  message_id      TEXT NOT NULL UNIQUE,
  state           INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_project ON outbox (project_id, employee_id);
CREATE INDEX outbox_employee ON outbox (employee_id);
