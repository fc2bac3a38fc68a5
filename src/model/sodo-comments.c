/* sodo-comments.c: comments on a regulation: loading, saving to bytes, editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-comments.h"
#include "sodo-comments-private.h"
#include "sodo-json-private.h"
#include "sodo-limits.h"

struct _SodoComments
{
  GObject     parent_instance;

  char       *regulation_id;
  GPtrArray  *comments;   /* SodoComment, owned, in file order */
  GHashTable *by_id;      /* comment->id -> SodoComment */
};

G_DEFINE_FINAL_TYPE (SodoComments, sodo_comments, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGULATION_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *const kind_names[] = { "comment", "proposal", "question" };
static const char *const status_names[] = { "open", "accepted", "declined", "resolved" };

static const char *const kind_labels[] = {
  /* Translators: kind of a comment on a draft regulation */
  NC_("comment kind", "Comment"),
  /* Translators: kind of a comment on a draft regulation: proposes a change of wording */
  NC_("comment kind", "Proposal"),
  /* Translators: kind of a comment on a draft regulation */
  NC_("comment kind", "Question"),
};

static const char *const status_labels[] = {
  /* Translators: status of a comment: not yet dealt with */
  NC_("comment status", "Open"),
  /* Translators: status of a comment: the drafters took it into the text */
  NC_("comment status", "Accepted"),
  /* Translators: status of a comment: the drafters did not take it */
  NC_("comment status", "Declined"),
  /* Translators: status of a comment: answered or settled otherwise */
  NC_("comment status", "Resolved"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == SODO_COMMENT_KIND_QUESTION + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == SODO_COMMENT_KIND_QUESTION + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == SODO_COMMENT_RESOLVED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == SODO_COMMENT_RESOLVED + 1);

static const char *const root_keys[] = {
  "format", "version", "regulation", "comments", NULL,
};

static const char *const comment_keys[] = {
  "id", "target", "author", "organization", "kind", "status", "created", "updated", "text",
  NULL,
};

/* SodoComment */

SodoComment *
sodo_comment_copy (const SodoComment *comment)
{
  SodoComment *copy;

  g_return_val_if_fail (comment != NULL, NULL);

  copy = g_new0 (SodoComment, 1);
  copy->id = g_strdup (comment->id);
  copy->target = g_strdup (comment->target);
  copy->author = g_strdup (comment->author);
  copy->organization = g_strdup (comment->organization);
  copy->kind = comment->kind;
  copy->status = comment->status;
  copy->created = g_strdup (comment->created);
  copy->updated = g_strdup (comment->updated);
  copy->text = g_strdup (comment->text);
  copy->line = comment->line;

  return copy;
}

void
sodo_comment_free (SodoComment *comment)
{
  if (comment == NULL)
    return;

  g_free (comment->id);
  g_free (comment->target);
  g_free (comment->author);
  g_free (comment->organization);
  g_free (comment->created);
  g_free (comment->updated);
  g_free (comment->text);
  g_free (comment);
}

/* Kinds and statuses */

static gboolean
name_lookup (const char        *str,
             const char *const *names,
             guint              n_names,
             guint             *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (str, names[i]))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sodo_comment_kind_to_string (SodoCommentKind kind)
{
  g_return_val_if_fail (kind <= SODO_COMMENT_KIND_QUESTION, NULL);

  return kind_names[kind];
}

const char *
sodo_comment_status_to_string (SodoCommentStatus status)
{
  g_return_val_if_fail (status <= SODO_COMMENT_RESOLVED, NULL);

  return status_names[status];
}

gboolean
sodo_comment_kind_from_string (const char      *str,
                               SodoCommentKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!name_lookup (str, kind_names, G_N_ELEMENTS (kind_names), &value))
    return FALSE;
  *kind = (SodoCommentKind) value;
  return TRUE;
}

gboolean
sodo_comment_status_from_string (const char        *str,
                                 SodoCommentStatus *status)
{
  guint value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!name_lookup (str, status_names, G_N_ELEMENTS (status_names), &value))
    return FALSE;
  *status = (SodoCommentStatus) value;
  return TRUE;
}

const char *
sodo_comment_kind_get_label (SodoCommentKind kind)
{
  g_return_val_if_fail (kind <= SODO_COMMENT_KIND_QUESTION, NULL);

  return g_dpgettext2 (NULL, "comment kind", kind_labels[kind]);
}

const char *
sodo_comment_status_get_label (SodoCommentStatus status)
{
  g_return_val_if_fail (status <= SODO_COMMENT_RESOLVED, NULL);

  return g_dpgettext2 (NULL, "comment status", status_labels[status]);
}

/* GObject */

static void
sodo_comments_finalize (GObject *object)
{
  SodoComments *self = SODO_COMMENTS (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->regulation_id, g_free);

  G_OBJECT_CLASS (sodo_comments_parent_class)->finalize (object);
}

static void
sodo_comments_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SodoComments *self = SODO_COMMENTS (object);

  switch (prop_id)
    {
    case PROP_REGULATION_ID:
      g_value_set_string (value, self->regulation_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_comments_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SodoComments *self = SODO_COMMENTS (object);

  switch (prop_id)
    {
    case PROP_REGULATION_ID:
      g_free (self->regulation_id);
      self->regulation_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_comments_class_init (SodoCommentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_comments_finalize;
  object_class->get_property = sodo_comments_get_property;
  object_class->set_property = sodo_comments_set_property;

  properties[PROP_REGULATION_ID] =
    g_param_spec_string ("regulation-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* SodoComments::changed: (position, removed, added), as GListModel::items-changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
sodo_comments_init (SodoComments *self)
{
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) sodo_comment_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

SodoComments *
sodo_comments_new (const char *regulation_id)
{
  g_return_val_if_fail (regulation_id != NULL, NULL);

  return g_object_new (SODO_TYPE_COMMENTS, "regulation-id", regulation_id, NULL);
}

void
_sodo_comments_emit_changed (SodoComments *self,
                             guint         position,
                             guint         removed,
                             guint         added)
{
  g_signal_emit (self, signals[CHANGED], 0, position, removed, added);
}

void
_sodo_comments_insert_take (SodoComments *self,
                            guint         index,
                            SodoComment  *comment)
{
  g_assert (!g_hash_table_contains (self->by_id, comment->id));

  g_ptr_array_insert (self->comments, (int) index, comment);
  g_hash_table_insert (self->by_id, comment->id, comment);
}

/* Loading */

static gboolean
timestamp_is_valid (const char *str)
{
  g_autoptr(GDateTime) parsed = NULL;

  /* The calendar-date form only ("2023-10-27T…"), and an explicit offset: without a default
   * time zone GLib refuses a time that has none. */
  for (guint i = 0; i < 10; i++)
    {
      gboolean want_dash = i == 4 || i == 7;

      if (str[i] == '\0' || (want_dash ? str[i] != '-' : !g_ascii_isdigit (str[i])))
        return FALSE;
    }
  if (str[10] != 'T')
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (str, NULL);
  return parsed != NULL;
}

typedef struct {
  SodoJsonContext  ctx;
  SodoComments    *self;
} Loader;

static gboolean
read_timestamp (Loader      *loader,
                JsonObject  *object,
                const char  *path,
                const char  *member,
                gboolean     required,
                const char **out)
{
  if (!_sodo_json_get_string (&loader->ctx, object, path, member, required, out))
    return FALSE;
  if (*out == NULL || timestamp_is_valid (*out))
    return TRUE;

  {
    g_autofree char *snippet = _sodo_json_snippet (*out);

    _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path,
                       member,
                       _("“%s” is not a date and time with a UTC offset, such as "
                         "2023-10-27T16:00:00+07:00"),
                       snippet);
  }
  *out = NULL;
  return FALSE;
}

static void
read_enums (Loader      *loader,
            JsonObject  *object,
            const char  *path,
            SodoComment *comment)
{
  const char *kind = NULL;
  const char *status = NULL;

  /* Files written by other tools may leave these out: a plain, open comment. */
  comment->kind = SODO_COMMENT_KIND_COMMENT;
  if (_sodo_json_get_string (&loader->ctx, object, path, "kind", FALSE, &kind)
      && kind != NULL && !sodo_comment_kind_from_string (kind, &comment->kind))
    {
      g_autofree char *snippet = _sodo_json_snippet (kind);

      _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path,
                         "kind", _("“%s” is not a kind of comment: use comment, proposal or "
                                   "question"), snippet);
    }

  comment->status = SODO_COMMENT_OPEN;
  if (_sodo_json_get_string (&loader->ctx, object, path, "status", FALSE, &status)
      && status != NULL && !sodo_comment_status_from_string (status, &comment->status))
    {
      g_autofree char *snippet = _sodo_json_snippet (status);

      _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path,
                         "status", _("“%s” is not a status: use open, accepted, declined or "
                                     "resolved"), snippet);
    }
}

static SodoComment *
read_comment (Loader     *loader,
              JsonObject *object,
              const char *path,
              guint       line)
{
  SodoJsonContext *ctx = &loader->ctx;
  g_autoptr(SodoComment) comment = g_new0 (SodoComment, 1);
  const char *id = NULL, *target = NULL, *author = NULL, *organization = NULL;
  const char *created = NULL, *updated = NULL, *text = NULL;
  gboolean ok = TRUE;

  comment->line = line;
  _sodo_json_check_keys (ctx, object, path, comment_keys);

  ok &= _sodo_json_get_id (ctx, object, path, "id", TRUE, &id);
  ok &= _sodo_json_get_id (ctx, object, path, "target", TRUE, &target);
  ok &= _sodo_json_get_string (ctx, object, path, "author", FALSE, &author);
  ok &= _sodo_json_get_string (ctx, object, path, "organization", FALSE, &organization);
  read_enums (loader, object, path, comment);
  ok &= read_timestamp (loader, object, path, "created", TRUE, &created);
  ok &= read_timestamp (loader, object, path, "updated", FALSE, &updated);
  ok &= _sodo_json_get_string (ctx, object, path, "text", TRUE, &text);
  if (!ok || id == NULL)
    return NULL;

  if (g_hash_table_contains (loader->self->by_id, id))
    {
      const SodoComment *first = g_hash_table_lookup (loader->self->by_id, id);

      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_DUPLICATE, object, path, "id",
                         _("the id “%s” is already used by the comment on line %u"),
                         id, first->line);
      return NULL;
    }

  comment->id = g_strdup (id);
  comment->target = g_strdup (target);
  comment->author = g_strdup (author);
  comment->organization = g_strdup (organization);
  comment->created = g_strdup (created);
  /* A comment never edited may leave "updated" out. */
  comment->updated = g_strdup (updated != NULL ? updated : created);
  comment->text = g_strdup (text);

  return g_steal_pointer (&comment);
}

static void
read_comments (Loader     *loader,
               JsonObject *root)
{
  JsonArray *array = NULL;
  guint n;

  if (!_sodo_json_get_array (&loader->ctx, root, "", "comments", FALSE, &array) || array == NULL)
    return;

  n = json_array_get_length (array);
  if (n > SODO_MAX_COMMENTS)
    {
      _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, root, "",
                         "comments", _("a comments file may hold at most %u comments"),
                         (guint) SODO_MAX_COMMENTS);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = _sodo_json_array_get_object (&loader->ctx, root, "", "comments",
                                                        array, i);
      g_autofree char *path = _sodo_json_path_element ("", "comments", i);
      SodoComment *comment;

      if (object == NULL)
        continue;

      comment = read_comment (loader, object, path,
                              _sodo_json_doc_get_element_line (loader->ctx.doc, "comments", i));
      if (comment != NULL)
        _sodo_comments_insert_take (loader->self, loader->self->comments->len, comment);
    }
}

static SodoComments *
load_document (SodoJsonDoc     *doc,
               SodoDiagnostics *diags)
{
  g_autoptr(SodoTextPool) pool = sodo_text_pool_new ();
  g_autoptr(SodoComments) self = g_object_new (SODO_TYPE_COMMENTS, NULL);
  Loader loader = { { doc, diags, pool }, self };
  JsonObject *root = _sodo_json_get_root_object (&loader.ctx);
  const char *regulation_id = NULL;

  if (root == NULL || !_sodo_json_check_header (&loader.ctx, root, "sodo-comments"))
    return NULL;

  _sodo_json_check_keys (&loader.ctx, root, "", root_keys);
  _sodo_json_get_id (&loader.ctx, root, "", "regulation", TRUE, &regulation_id);
  self->regulation_id = g_strdup (regulation_id);
  read_comments (&loader, root);

  if (sodo_diagnostics_has_errors (diags))
    return NULL;

  return g_steal_pointer (&self);
}

SodoComments *
sodo_comments_load_bytes (GBytes           *bytes,
                          const char       *display_name,
                          SodoDiagnostics  *diags,
                          GError          **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  g_autoptr(SodoJsonDoc) doc = NULL;
  SodoComments *self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name != NULL ? display_name : "");

  doc = _sodo_json_doc_parse (bytes, diags);
  if (doc != NULL)
    self = load_document (doc, diags);

  if (self == NULL && !sodo_diagnostics_propagate (diags, error))
    g_set_error_literal (error, SODO_ERROR, SODO_ERROR_SYNTAX,
                         _("the comments could not be read"));

  return self;
}

SodoComments *
sodo_comments_load_file (GFile            *file,
                         SodoDiagnostics  *diags,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);
  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name);

  bytes = _sodo_json_read_file (file, diags, cancellable);
  if (bytes == NULL)
    {
      if (!sodo_diagnostics_propagate (diags, error))
        g_set_error_literal (error, SODO_ERROR, SODO_ERROR_IO,
                             _("the comments could not be read"));
      return NULL;
    }

  return sodo_comments_load_bytes (bytes, display_name, diags, error);
}

/* Saving to bytes: written by hand so that the output is stable, diffs well and reads like the
 * examples of the data format ("key": value, two-space indent). */

static void
append_json_string (GString    *out,
                    const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *indent,
               const char *key,
               const char *value,
               gboolean    last)
{
  g_string_append_printf (out, "%s\"%s\": ", indent, key);
  append_json_string (out, value);
  g_string_append (out, last ? "\n" : ",\n");
}

static void
append_comment (GString           *out,
                const SodoComment *comment,
                gboolean           last)
{
  const char *indent = "      ";

  g_string_append (out, "    {\n");
  append_member (out, indent, "id", comment->id, FALSE);
  append_member (out, indent, "target", comment->target, FALSE);
  if (comment->author != NULL)
    append_member (out, indent, "author", comment->author, FALSE);
  if (comment->organization != NULL)
    append_member (out, indent, "organization", comment->organization, FALSE);
  append_member (out, indent, "kind", sodo_comment_kind_to_string (comment->kind), FALSE);
  append_member (out, indent, "status", sodo_comment_status_to_string (comment->status), FALSE);
  append_member (out, indent, "created", comment->created, FALSE);
  append_member (out, indent, "updated", comment->updated, FALSE);
  append_member (out, indent, "text", comment->text, TRUE);
  g_string_append (out, last ? "    }\n" : "    },\n");
}

GBytes *
sodo_comments_to_bytes (SodoComments *self)
{
  GString *out;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);

  out = g_string_sized_new (256 + self->comments->len * 320);
  g_string_append (out, "{\n");
  append_member (out, "  ", "format", "sodo-comments", FALSE);
  g_string_append (out, "  \"version\": 1,\n");
  append_member (out, "  ", "regulation", self->regulation_id, FALSE);
  if (self->comments->len == 0)
    g_string_append (out, "  \"comments\": []\n");
  else
    {
      g_string_append (out, "  \"comments\": [\n");
      for (guint i = 0; i < self->comments->len; i++)
        append_comment (out, g_ptr_array_index (self->comments, i),
                        i + 1 == self->comments->len);
      g_string_append (out, "  ]\n");
    }
  g_string_append (out, "}\n");

  return g_string_free_to_bytes (out);
}

/* Accessors */

const char *
sodo_comments_get_regulation_id (SodoComments *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);

  return self->regulation_id;
}

guint
sodo_comments_get_n_comments (SodoComments *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS (self), 0);

  return self->comments->len;
}

const SodoComment *
sodo_comments_get_comment (SodoComments *self,
                           guint         index)
{
  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);
  g_return_val_if_fail (index < self->comments->len, NULL);

  return g_ptr_array_index (self->comments, index);
}

const SodoComment *
sodo_comments_find (SodoComments *self,
                    const char   *id)
{
  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

guint
sodo_comments_get_index (SodoComments *self,
                         const char   *id)
{
  const SodoComment *comment;
  guint index;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), SODO_NO_INDEX);

  comment = sodo_comments_find (self, id);
  if (comment == NULL || !g_ptr_array_find (self->comments, comment, &index))
    return SODO_NO_INDEX;

  return index;
}

SodoComment *
_sodo_comments_lookup (SodoComments *self,
                       const char   *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

/* Editing */

char *
_sodo_comments_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

static char *
generate_id (SodoComments *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y%m%d");

  for (;;)
    {
      char *id = g_strdup_printf ("c-%s-%08x", day, g_random_int ());

      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

/* Bytes @text takes in a JSON file: a quote, a backslash, \b, \f, \n, \r and \t are
 * written with a backslash, any other control character as \u00XX. */
static gsize
escaped_length (const char *text)
{
  gsize length = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\0' && strchr ("\"\\\b\f\n\r\t", *p) != NULL)
        length += 2;
      else
        length += (guchar) *p < 0x20 ? 6 : 1;
    }
  return length;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  const char *p = text;

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      g_set_error_literal (error, SODO_ERROR, SODO_ERROR_MISSING,
                           _("a comment needs some text"));
      return FALSE;
    }
  /* Counted as written, as the loader counts it, so that a saved comment always loads. */
  if (escaped_length (text) > SODO_MAX_STRING_LENGTH)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("a comment may be at most %u bytes long"),
                   (guint) SODO_MAX_STRING_LENGTH);
      return FALSE;
    }

  return TRUE;
}

const SodoComment *
sodo_comments_add (SodoComments     *self,
                   const char       *target,
                   const char       *author,
                   const char       *organization,
                   SodoCommentKind   kind,
                   const char       *text,
                   GError          **error)
{
  SodoComment *comment;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (author == NULL || g_utf8_validate (author, -1, NULL), NULL);
  g_return_val_if_fail (organization == NULL || g_utf8_validate (organization, -1, NULL), NULL);
  g_return_val_if_fail (kind <= SODO_COMMENT_KIND_QUESTION, NULL);

  if (!_sodo_id_is_valid (target))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_VALUE, _("“%s” is not a valid id"), target);
      return NULL;
    }
  if (!check_text (text, error))
    return NULL;

  comment = g_new0 (SodoComment, 1);
  comment->id = generate_id (self);
  comment->target = g_strdup (target);
  comment->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
  comment->organization = organization != NULL && *organization != '\0'
                          ? g_strdup (organization) : NULL;
  comment->kind = kind;
  comment->status = SODO_COMMENT_OPEN;
  comment->created = _sodo_comments_now ();
  comment->updated = g_strdup (comment->created);
  comment->text = g_strdup (text);

  _sodo_comments_insert_take (self, self->comments->len, comment);
  _sodo_comments_emit_changed (self, self->comments->len - 1, 0, 1);

  return comment;
}

static void
touch (SodoComments *self,
       SodoComment  *comment)
{
  guint index = 0;

  g_free (comment->updated);
  comment->updated = _sodo_comments_now ();

  g_ptr_array_find (self->comments, comment, &index);
  _sodo_comments_emit_changed (self, index, 1, 1);
}

gboolean
sodo_comments_set_text (SodoComments  *self,
                        const char    *id,
                        const char    *text,
                        GError       **error)
{
  SodoComment *comment;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), FALSE);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), FALSE);

  comment = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (comment == NULL || g_str_equal (comment->text, text))
    return FALSE;
  if (!check_text (text, error))
    return FALSE;

  g_free (comment->text);
  comment->text = g_strdup (text);
  touch (self, comment);

  return TRUE;
}

gboolean
sodo_comments_set_kind (SodoComments    *self,
                        const char      *id,
                        SodoCommentKind  kind)
{
  SodoComment *comment;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), FALSE);
  g_return_val_if_fail (kind <= SODO_COMMENT_KIND_QUESTION, FALSE);

  comment = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (comment == NULL || comment->kind == kind)
    return FALSE;

  comment->kind = kind;
  touch (self, comment);

  return TRUE;
}

gboolean
sodo_comments_set_status (SodoComments      *self,
                          const char        *id,
                          SodoCommentStatus  status)
{
  SodoComment *comment;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), FALSE);
  g_return_val_if_fail (status <= SODO_COMMENT_RESOLVED, FALSE);

  comment = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (comment == NULL || comment->status == status)
    return FALSE;

  comment->status = status;
  touch (self, comment);

  return TRUE;
}

SodoComment *
sodo_comments_remove (SodoComments *self,
                      const char   *id,
                      guint        *out_index)
{
  SodoComment *comment;
  guint index;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);

  index = sodo_comments_get_index (self, id);
  if (index == SODO_NO_INDEX)
    return NULL;

  comment = g_ptr_array_steal_index (self->comments, index);
  g_hash_table_remove (self->by_id, comment->id);
  if (out_index != NULL)
    *out_index = index;
  _sodo_comments_emit_changed (self, index, 1, 0);

  return comment;
}

gboolean
sodo_comments_insert (SodoComments       *self,
                      guint               index,
                      const SodoComment  *comment,
                      GError            **error)
{
  g_return_val_if_fail (SODO_IS_COMMENTS (self), FALSE);
  g_return_val_if_fail (comment != NULL && comment->id != NULL, FALSE);
  g_return_val_if_fail (comment->target != NULL && comment->text != NULL, FALSE);
  g_return_val_if_fail (comment->created != NULL && comment->updated != NULL, FALSE);

  if (g_hash_table_contains (self->by_id, comment->id))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_DUPLICATE,
                   _("the id “%s” is already used"), comment->id);
      return FALSE;
    }

  index = MIN (index, self->comments->len);
  _sodo_comments_insert_take (self, index, sodo_comment_copy (comment));
  _sodo_comments_emit_changed (self, index, 0, 1);

  return TRUE;
}

gboolean
sodo_comments_restore (SodoComments      *self,
                       const SodoComment *saved)
{
  guint index;
  SodoComment *copy;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), FALSE);
  g_return_val_if_fail (saved != NULL, FALSE);
  g_return_val_if_fail (saved->target != NULL && saved->text != NULL, FALSE);
  g_return_val_if_fail (saved->created != NULL && saved->updated != NULL, FALSE);

  index = sodo_comments_get_index (self, saved->id);
  if (index == SODO_NO_INDEX)
    return FALSE;

  copy = sodo_comment_copy (saved);
  g_hash_table_remove (self->by_id, saved->id);
  sodo_comment_free (g_ptr_array_index (self->comments, index));
  g_ptr_array_index (self->comments, index) = copy;
  g_hash_table_insert (self->by_id, copy->id, copy);
  _sodo_comments_emit_changed (self, index, 1, 1);

  return TRUE;
}
