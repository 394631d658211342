/* po-cli.h: power-oversight-cli, shared between its command files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "po-database.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;   /* --db, or NULL for the default office */
  PoDatabase *db;        /* opened on first use */
  char       *created;   /* the file this run created, removed if the command fails */
} PoCli;

/* Exit statuses: 0 done, 1 failed (bad input, bad data), 2 bad usage. */
#define PO_CLI_OK      0
#define PO_CLI_FAILED  1
#define PO_CLI_USAGE   2

PoDatabase *po_cli_database   (PoCli       *cli,
                               GError     **error);
PoDatabase *po_cli_database_read (PoCli     *cli,
                                  GError   **error);
PoDatabase *po_cli_calendar_database (PoCli   *cli,
                                      GError **error);
int         po_cli_fail       (GError      *error);
int         po_cli_usage      (const char  *format,
                               ...) G_GNUC_PRINTF (1, 2);
gboolean    po_cli_parse_int  (const char  *text,
                               const char  *what,
                               gint64       min,
                               gint64       max,
                               gint64      *out,
                               GError     **error);
void        po_cli_note_provisional (PoCalendar *calendar,
                                     PoDate      from,
                                     PoDate      to);

int         po_cli_calendar   (PoCli       *cli,
                               int          argc,
                               char       **argv);

int         po_cli_catalogue  (PoCli       *cli,
                               int          argc,
                               char       **argv);
int         po_cli_review     (PoCli       *cli,
                               int          argc,
                               char       **argv);
int         po_cli_discretion (PoCli       *cli,
                               int          argc,
                               char       **argv);
int         po_cli_flowchart  (PoCli       *cli,
                               int          argc,
                               char       **argv);
int         po_cli_supervision (PoCli      *cli,
                                const char *command,
                                int         argc,
                                char      **argv);

G_END_DECLS
