/* po-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-error.h"
#include "po-util.h"

#include <string.h>

/**
 * po_json_append_string:
 * @text: (nullable): UTF-8 text; %NULL writes `null`
 *
 * Appends @text as a JSON string literal.
 */
void
po_json_append_string (GString    *out,
                       const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * po_read_text_file:
 *
 * Reads a whole file that must be UTF-8 text; the error names the file.
 */
gboolean
po_read_text_file (const char  *path,
                   char       **contents,
                   gsize       *length,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;

  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_NOT_FOUND,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  if (!g_utf8_validate (*contents, (gssize) *length, &end))
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("%s: byte %zu is not UTF-8 text"),
                   path, (size_t) (end - *contents) + 1);
      g_clear_pointer (contents, g_free);
      return FALSE;
    }
  return TRUE;
}

/**
 * po_json_indent:
 * @json: (nullable): compact JSON, as SQLite writes it
 *
 * Indents JSON for reading, one member per line; strings are copied
 * untouched, escapes included.
 *
 * Returns: (transfer full) (nullable): the indented text, %NULL for %NULL
 */
char *
po_json_indent (const char *json)
{
  GString *out;
  gboolean in_string = FALSE;
  int depth = 0;

  if (json == NULL)
    return NULL;

  out = g_string_sized_new (strlen (json) * 2);
  for (const char *p = json; *p != '\0'; p++)
    {
      char c = *p;

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && p[1] != '\0')
            g_string_append_c (out, *++p);
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          g_string_append_c (out, c);
          break;

        case '{':
        case '[':
          g_string_append_c (out, c);
          if (p[1] == '}' || p[1] == ']')
            {
              g_string_append_c (out, *++p);
              break;
            }
          depth++;
          g_string_append_c (out, '\n');
          for (int i = 0; i < depth; i++)
            g_string_append (out, "  ");
          break;

        case '}':
        case ']':
          depth = MAX (depth - 1, 0);
          g_string_append_c (out, '\n');
          for (int i = 0; i < depth; i++)
            g_string_append (out, "  ");
          g_string_append_c (out, c);
          break;

        case ',':
          g_string_append (out, ",\n");
          for (int i = 0; i < depth; i++)
            g_string_append (out, "  ");
          break;

        case ':':
          g_string_append (out, ": ");
          break;

        case ' ':
        case '\t':
        case '\n':
        case '\r':
          break;

        default:
          g_string_append_c (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * po_csv_append_field:
 *
 * Appends @value as one CSV field, quoted only when it must be (RFC 4180:
 * a comma, a quote or a line break; quotes inside are doubled).
 */
void
po_csv_append_field (GString    *out,
                     const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
