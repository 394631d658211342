/* po-error.h: the core's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PO_ERROR (po_error_quark ())

/**
 * PoError:
 * @PO_ERROR_FAILED: something went wrong; the message says what
 * @PO_ERROR_INVALID_INPUT: input from a user or a file is not valid
 * @PO_ERROR_NOT_FOUND: a named record does not exist
 * @PO_ERROR_NOT_A_DATABASE: the file is not a Power Oversight database
 * @PO_ERROR_TOO_NEW: the database was written by a newer program
 * @PO_ERROR_DATABASE: SQLite reported an error
 * @PO_ERROR_CONSTRAINT: a write broke a rule of the schema
 * @PO_ERROR_OUT_OF_RANGE: a date outside the range the calendar covers
 * @PO_ERROR_TAMPERED: the audit log or the data it vouches for was altered
 * @PO_ERROR_CANCELLED: the operation was cancelled
 */
typedef enum
{
  PO_ERROR_FAILED,
  PO_ERROR_INVALID_INPUT,
  PO_ERROR_NOT_FOUND,
  PO_ERROR_NOT_A_DATABASE,
  PO_ERROR_TOO_NEW,
  PO_ERROR_DATABASE,
  PO_ERROR_CONSTRAINT,
  PO_ERROR_OUT_OF_RANGE,
  PO_ERROR_TAMPERED,
  PO_ERROR_CANCELLED,
} PoError;

GQuark po_error_quark (void);

G_END_DECLS
