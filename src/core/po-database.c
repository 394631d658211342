/* po-database.c: the connection, its statements and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "po-audit.h"
#include "po-deadlines.h"
#include "po-calendar-store.h"
#include "po-database.h"
#include "po-error.h"

/* "POV1": marks a file as ours, so another program's SQLite file is
 * refused instead of being migrated. */
#define PO_APPLICATION_ID 0x504F5631

struct _PoDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *actor;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  PoCalendar *calendar;
  GMutex      calendar_lock;
  int         version;
  guint       created : 1;
};

G_DEFINE_FINAL_TYPE (PoDatabase, po_database, G_TYPE_OBJECT)

typedef gboolean (*PoMigrationFunc) (PoDatabase *self, GError **error);

static gboolean migrate_1_schema   (PoDatabase *self, GError **error);
static gboolean migrate_2_calendar (PoDatabase *self, GError **error);
static gboolean migrate_3_open_work (PoDatabase *self, GError **error);
static gboolean migrate_4_supervision (PoDatabase *self, GError **error);
static gboolean migrate_5_office_settings (PoDatabase *self, GError **error);

/* Numbered migrations: entry i brings a database from version i to i + 1. */
static const PoMigrationFunc migrations[] = {
  migrate_1_schema,
  migrate_2_calendar,
  migrate_3_open_work,
  migrate_4_supervision,
  migrate_5_office_settings,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PO_SCHEMA_VERSION);

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
po_database_finalize (GObject *object)
{
  PoDatabase *self = (PoDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->calendar, po_calendar_unref);
  g_mutex_clear (&self->calendar_lock);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->actor);

  G_OBJECT_CLASS (po_database_parent_class)->finalize (object);
}

static void
po_database_class_init (PoDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = po_database_finalize;
}

static void
po_database_init (PoDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->actor = g_strdup (g_get_user_name ());
  g_mutex_init (&self->calendar_lock);
}

/**
 * po_database_default_path:
 *
 * Returns: (transfer full): the office database in the user's data
 *   directory
 */
char *
po_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "power-oversight", "office.db", NULL);
}

/**
 * po_database_set_error:
 * @rc: an SQLite result code
 * @what: (nullable): what was being done, a phrase for the message
 *
 * Maps an SQLite result to a sentence in %PO_ERROR.
 *
 * Returns: %FALSE, always, so callers can `return po_database_set_error (…)`
 */
gboolean
po_database_set_error (PoDatabase  *self,
                       int          rc,
                       GError     **error,
                       const char  *what)
{
  const char *detail = self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);
  PoError code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = PO_ERROR_CONSTRAINT;
      break;
    case SQLITE_NOTADB:
      code = PO_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_INTERRUPT:
      code = PO_ERROR_CANCELLED;
      break;
    default:
      code = PO_ERROR_DATABASE;
      break;
    }

  if (code == PO_ERROR_NOT_A_DATABASE)
    g_set_error (error, PO_ERROR, code,
                 _("“%s” is not a Power Oversight database"), self->path);
  else if (what != NULL)
    g_set_error (error, PO_ERROR, code, _("Could not %s: %s"), what, detail);
  else
    g_set_error (error, PO_ERROR, code, _("The database reported an error: %s"), detail);
  return FALSE;
}

sqlite3 *
po_database_get_handle (PoDatabase *self)
{
  g_return_val_if_fail (PO_IS_DATABASE (self), NULL);

  return self->handle;
}

const char *
po_database_get_path (PoDatabase *self)
{
  g_return_val_if_fail (PO_IS_DATABASE (self), NULL);

  return self->path;
}

int
po_database_get_version (PoDatabase *self)
{
  g_return_val_if_fail (PO_IS_DATABASE (self), 0);

  return self->version;
}

/**
 * po_database_was_created:
 *
 * Returns: whether opening the database created it (an empty office)
 */
gboolean
po_database_was_created (PoDatabase *self)
{
  g_return_val_if_fail (PO_IS_DATABASE (self), FALSE);

  return self->created;
}

const char *
po_database_get_actor (PoDatabase *self)
{
  g_return_val_if_fail (PO_IS_DATABASE (self), NULL);

  return self->actor;
}

/**
 * po_database_set_actor:
 * @actor: (nullable): who the audit log names for this connection's
 *   writes; %NULL for the login name
 */
void
po_database_set_actor (PoDatabase *self,
                       const char *actor)
{
  g_return_if_fail (PO_IS_DATABASE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor != NULL && *actor != '\0' ? actor : g_get_user_name ());
}

/**
 * po_database_prepare:
 * @sql: SQL text; statements are cached by their text
 *
 * Returns: (transfer none): the statement, reset and with bindings cleared,
 *   owned by the connection; or %NULL with @error set
 */
sqlite3_stmt *
po_database_prepare (PoDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      po_database_set_error (self, rc, error, _("prepare a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * po_database_step_done:
 *
 * Steps a statement that returns no rows (or whose rows are not wanted)
 * to its end and resets it.
 */
gboolean
po_database_step_done (PoDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      po_database_set_error (self, rc, error, _("write to the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
po_database_exec (PoDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *msg = NULL;
  int rc;

  g_return_val_if_fail (PO_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &msg);
  sqlite3_free (msg);
  if (rc != SQLITE_OK)
    return po_database_set_error (self, rc, error, _("change the database"));
  return TRUE;
}

/**
 * po_database_query_int:
 *
 * Returns: the first column of the first row of @sql, 0 when there is no
 *   row, or -1 with @error set
 */
gint64
po_database_query_int (PoDatabase  *self,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = po_database_prepare (self, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    value = -1, po_database_set_error (self, rc, error, _("read the database"));
  sqlite3_reset (stmt);
  return value;
}

gboolean
po_database_begin (PoDatabase  *self,
                   GError     **error)
{
  return po_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
po_database_commit (PoDatabase  *self,
                    GError     **error)
{
  return po_database_exec (self, "COMMIT", error);
}

void
po_database_rollback (PoDatabase *self)
{
  g_return_if_fail (PO_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  /* A failed write may have been a calendar import. */
  po_database_calendar_changed (self);
}

static gboolean
run_resource_sql (PoDatabase  *self,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *path = g_strconcat ("/io/github/poweroversight/PowerOversight/core/sql/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return po_database_exec (self, sql, error);
}

static gboolean
migrate_1_schema (PoDatabase  *self,
                  GError     **error)
{
  return run_resource_sql (self, "001-schema.sql", error);
}

static gboolean
migrate_2_calendar (PoDatabase  *self,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data ("/io/github/poweroversight/PowerOversight/core/calendar/cn-calendar.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  return po_calendar_store_import_json (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        "cn-calendar.json", NULL, error);
}

static gboolean
migrate_3_open_work (PoDatabase  *self,
                     GError     **error)
{
  return run_resource_sql (self, "003-open-work.sql", error);
}

/* Deadlines gain where they were counted from: recomputed whole. */
static gboolean
migrate_4_supervision (PoDatabase  *self,
                       GError     **error)
{
  return run_resource_sql (self, "004-supervision.sql", error) &&
         po_deadlines_refresh_all (self, NULL, NULL, NULL, error);
}

static gboolean
migrate_5_office_settings (PoDatabase  *self,
                           GError     **error)
{
  return run_resource_sql (self, "005-office-settings.sql", error);
}

static gboolean
migrate (PoDatabase  *self,
         int          target,
         GError     **error)
{
  g_autofree char *pragma = NULL;
  int from = self->version;

  if (from >= target)
    return TRUE;

  if (!po_database_begin (self, error))
    return FALSE;

  for (int v = from; v < target; v++)
    {
      g_debug ("migrating %s from schema %d to %d", self->path, v, v + 1);
      if (!migrations[v] (self, error) ||
          /* Columns may have changed: the audit triggers follow the schema. */
          !po_audit_install_triggers (self, error))
        {
          g_prefix_error (error, _("Could not bring the database to schema %d: "), v + 1);
          po_database_rollback (self);
          return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                            target, PO_APPLICATION_ID);
  if (!po_database_exec (self, pragma, error) || !po_database_commit (self, error))
    {
      po_database_rollback (self);
      return FALSE;
    }
  self->version = target;
  return TRUE;
}

static PoDatabase *
open_connection (const char  *path,
                 GError     **error)
{
  g_autoptr(PoDatabase) self = g_object_new (PO_TYPE_DATABASE, NULL);
  gint64 app_id, tables;
  int rc;

  self->path = g_strdup (path);

  if (strcmp (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int errsv = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
          return NULL;
        }
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, PO_ERROR, PO_ERROR_NOT_A_DATABASE,
                       _("“%s” is a folder, not a database file"), path);
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_DATABASE,
                   _("Could not open the database “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->handle, 10000);
  sqlite3_extended_result_codes (self->handle, 1);
  po_audit_register_functions (self);

  /* The first read tells a database from any other file. */
  tables = po_database_query_int (self, "SELECT count(*) FROM sqlite_schema", error);
  if (tables < 0)
    return NULL;

  app_id = po_database_query_int (self, "PRAGMA application_id", error);
  self->version = (int) po_database_query_int (self, "PRAGMA user_version", error);
  if (app_id < 0 || self->version < 0)
    return NULL;

  if (tables > 0 && app_id != PO_APPLICATION_ID)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite file of another program, not a Power Oversight database"), path);
      return NULL;
    }
  if (self->version > PO_SCHEMA_VERSION)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_TOO_NEW,
                   _("“%s” was written by a newer Power Oversight (schema %d; this program knows up to %d); "
                     "update the program to open it"),
                   path, self->version, PO_SCHEMA_VERSION);
      return NULL;
    }
  self->created = tables == 0;

  if (!po_database_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA temp_store = MEMORY;"
                         /* A province's office runs to a gigabyte or more: read it
                          * mapped rather than copied a page at a time, and keep
                          * what a scan or an import touches twice. */
                         "PRAGMA mmap_size = 4294967296;"
                         "PRAGMA cache_size = -65536;",
                         error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * po_database_open_at_version:
 * @version: the schema version to migrate to, at most %PO_SCHEMA_VERSION
 *
 * Opens (creating it when missing) and migrates only as far as @version.
 * Tests use it to write databases as older programs did.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
PoDatabase *
po_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(PoDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= PO_SCHEMA_VERSION, NULL);

  self = open_connection (path, error);
  if (self == NULL || !migrate (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * po_database_open:
 * @path: the database file; created when missing
 *
 * Opens an office database and brings its schema up to date, all
 * migrations in one transaction.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
PoDatabase *
po_database_open (const char  *path,
                  GError     **error)
{
  return po_database_open_at_version (path, PO_SCHEMA_VERSION, error);
}

/**
 * po_database_open_existing:
 *
 * Like po_database_open(), but refuses to create a missing file: for
 * commands that only read, so that a mistyped path is an error and not a
 * new, empty office.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
PoDatabase *
po_database_open_existing (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_strcmp0 (path, ":memory:") != 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND, _("There is no office database at “%s”"), path);
      return NULL;
    }
  return po_database_open (path, error);
}

/**
 * po_database_open_as:
 * @actor: (nullable): who the audit log names for this connection's writes
 *
 * A connection to @path writing under @actor: for a worker thread, which
 * copies both on the main thread and opens its own connection, since a
 * connection and its statements belong to one thread at a time.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
PoDatabase *
po_database_open_as (const char  *path,
                     const char  *actor,
                     GError     **error)
{
  PoDatabase *db = po_database_open (path, error);

  if (db != NULL)
    po_database_set_actor (db, actor);
  return db;
}

/**
 * po_database_dup:
 *
 * A second connection to the same file with the same actor, for a worker
 * thread (see po_database_open_as()).
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
PoDatabase *
po_database_dup (PoDatabase  *self,
                 GError     **error)
{
  g_return_val_if_fail (PO_IS_DATABASE (self), NULL);

  return po_database_open_as (self->path, self->actor, error);
}

/**
 * po_database_get_calendar:
 *
 * Returns: (transfer full): the working-day calendar stored in this
 *   database, loaded once and again after each change
 */
PoCalendar *
po_database_get_calendar (PoDatabase  *self,
                          GError     **error)
{
  PoCalendar *calendar;

  g_return_val_if_fail (PO_IS_DATABASE (self), NULL);

  g_mutex_lock (&self->calendar_lock);
  if (self->calendar == NULL)
    self->calendar = po_calendar_store_load (self, error);
  calendar = self->calendar ? po_calendar_ref (self->calendar) : NULL;
  g_mutex_unlock (&self->calendar_lock);
  return calendar;
}

/**
 * po_database_calendar_changed:
 *
 * Drops the loaded calendar, so the next use reads the stored one.
 */
void
po_database_calendar_changed (PoDatabase *self)
{
  g_return_if_fail (PO_IS_DATABASE (self));

  g_mutex_lock (&self->calendar_lock);
  g_clear_pointer (&self->calendar, po_calendar_unref);
  g_mutex_unlock (&self->calendar_lock);
}
