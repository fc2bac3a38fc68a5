/* sodo-regulation.c: loading a regulation document (format "sodo-regulation")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sodo-json-private.h"
#include "sodo-language.h"
#include "sodo-limits.h"
#include "sodo-regulation.h"

struct _SodoRegulation
{
  GObject               parent_instance;

  GFile                *file;
  char                 *display_name;
  SodoTextPool         *pool;

  const char           *id;
  SodoText              title;
  const char           *number;
  SodoRegulationStatus  status;
  const char           *date;
  SodoText              issuer;
  SodoText              description;
  GArray               *sources;        /* SodoSource */

  GArray               *nodes;          /* SodoRegulationNode, pre-order */
  guint32               first_node;
  GHashTable           *node_by_id;     /* pooled id -> index + 1 */
  GPtrArray            *applies_to;     /* pooled ids; nodes point into its storage */
  GHashTable           *applying_nodes; /* pooled id -> GArray of node indices */
};

G_DEFINE_FINAL_TYPE (SodoRegulation, sodo_regulation, G_TYPE_OBJECT)

static const char *const level_names[] = {
  "part", "chapter", "section", "article", "clause", "point", "paragraph",
};

/* Translated at call time (the UI language can change while running), never cached. */
static const char *const level_labels[] = {
  /* Translators: a level of a regulation's structure; in Vietnamese drafting "Phần" */
  NC_("regulation level", "Part"),
  /* Translators: a level of a regulation's structure; in Vietnamese drafting "Chương" */
  NC_("regulation level", "Chapter"),
  /* Translators: a level of a regulation's structure; in Vietnamese drafting "Mục" */
  NC_("regulation level", "Section"),
  /* Translators: a level of a regulation's structure; in Vietnamese drafting "Điều" */
  NC_("regulation level", "Article"),
  /* Translators: a level of a regulation's structure; in Vietnamese drafting "Khoản" */
  NC_("regulation level", "Clause"),
  /* Translators: a level of a regulation's structure; in Vietnamese drafting "Điểm" */
  NC_("regulation level", "Point"),
  /* Translators: unnumbered running text inside a regulation, at any level */
  NC_("regulation level", "Paragraph"),
};

static const char *const status_names[] = { "draft", "issued", "superseded" };

static const char *const status_labels[] = {
  /* Translators: status of a regulation: not yet adopted, open for comments */
  NC_("regulation status", "Draft"),
  /* Translators: status of a regulation: adopted and in force */
  NC_("regulation status", "Issued"),
  /* Translators: status of a regulation: replaced by a newer one */
  NC_("regulation status", "Superseded"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (level_names) == SODO_LEVEL_PARAGRAPH + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (level_labels) == SODO_LEVEL_PARAGRAPH + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == SODO_REGULATION_SUPERSEDED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == SODO_REGULATION_SUPERSEDED + 1);

static const char *const root_keys[] = {
  "format", "version", "id", "title", "number", "status", "date", "issuer", "description",
  "sources", "body", NULL,
};

static const char *const node_keys[] = {
  "id", "level", "number", "title", "text", "applies_to", "children", NULL,
};

static void
sodo_regulation_finalize (GObject *object)
{
  SodoRegulation *self = SODO_REGULATION (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->node_by_id, g_hash_table_unref);
  g_clear_pointer (&self->applies_to, g_ptr_array_unref);
  g_clear_pointer (&self->applying_nodes, g_hash_table_unref);
  /* Last: every string above points into the pool. */
  g_clear_pointer (&self->pool, sodo_text_pool_free);

  G_OBJECT_CLASS (sodo_regulation_parent_class)->finalize (object);
}

static void
sodo_regulation_class_init (SodoRegulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_regulation_finalize;
}

static void
sodo_regulation_init (SodoRegulation *self)
{
  self->pool = sodo_text_pool_new ();
  self->nodes = g_array_new (FALSE, FALSE, sizeof (SodoRegulationNode));
  self->first_node = SODO_NO_INDEX;
  self->node_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->applies_to = g_ptr_array_new ();
  self->applying_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_array_unref);
}

/* Levels and statuses */

const char *
sodo_level_to_string (SodoLevel level)
{
  g_return_val_if_fail (level <= SODO_LEVEL_PARAGRAPH, NULL);

  return level_names[level];
}

gboolean
sodo_level_from_string (const char *str,
                        SodoLevel  *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    {
      if (g_str_equal (str, level_names[i]))
        {
          *level = (SodoLevel) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sodo_level_get_label (SodoLevel level)
{
  g_return_val_if_fail (level <= SODO_LEVEL_PARAGRAPH, NULL);

  return g_dpgettext2 (NULL, "regulation level", level_labels[level]);
}

gboolean
sodo_level_can_hold (SodoLevel parent,
                     SodoLevel child)
{
  /* Drafting order runs part -> point; a level may be skipped, never inverted.
   * Unnumbered text may stand anywhere, but holds only more unnumbered text. */
  if (child == SODO_LEVEL_PARAGRAPH)
    return TRUE;

  return parent != SODO_LEVEL_PARAGRAPH && child > parent;
}

const char *
sodo_regulation_status_to_string (SodoRegulationStatus status)
{
  g_return_val_if_fail (status <= SODO_REGULATION_SUPERSEDED, NULL);

  return status_names[status];
}

gboolean
sodo_regulation_status_from_string (const char           *str,
                                    SodoRegulationStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (str, status_names[i]))
        {
          *status = (SodoRegulationStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sodo_regulation_status_get_label (SodoRegulationStatus status)
{
  g_return_val_if_fail (status <= SODO_REGULATION_SUPERSEDED, NULL);

  return g_dpgettext2 (NULL, "regulation status", status_labels[status]);
}

/* Loading */

typedef struct {
  SodoJsonContext  ctx;
  SodoRegulation  *self;
  GByteArray      *level_known;   /* per node: TRUE when its level was read */
  GArray          *applies_start; /* per node: offset into self->applies_to */
  gboolean         too_many;
} Loader;

/* One list of nodes being walked: "body" of the root, or "children" of a node. */
typedef struct {
  JsonObject *owner;
  const char *member;
  JsonArray  *array;
  char       *owner_path;   /* "" for the root */
  guint       next;
  guint32     parent;       /* node index of the owner, SODO_NO_INDEX for the root */
  guint32     last_child;
} WalkFrame;

static void
read_applies_to (Loader     *loader,
                 JsonObject *object,
                 const char *path,
                 guint      *n_out)
{
  JsonArray *array = NULL;
  guint n;

  *n_out = 0;
  if (!_sodo_json_get_array (&loader->ctx, object, path, "applies_to", FALSE, &array)
      || array == NULL)
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const char *id = _sodo_json_array_get_string (&loader->ctx, object, path, "applies_to",
                                                    array, i);

      if (id == NULL)
        continue;
      if (!_sodo_id_is_valid (id))
        {
          g_autofree char *element = g_strdup_printf ("applies_to[%u]", i);

          _sodo_json_report_bad_id (&loader->ctx, object, path, element, id);
          continue;
        }

      g_ptr_array_add (loader->self->applies_to, (gpointer) id);
      (*n_out)++;
    }
}

static void
read_node_level (Loader             *loader,
                 JsonObject         *object,
                 const char         *path,
                 guint32             parent,
                 SodoRegulationNode *node,
                 gboolean           *known)
{
  const char *level_str = NULL;
  const SodoRegulationNode *parent_node;

  *known = FALSE;
  if (!_sodo_json_get_string (&loader->ctx, object, path, "level", TRUE, &level_str))
    return;

  if (!sodo_level_from_string (level_str, &node->level))
    {
      g_autofree char *snippet = _sodo_json_snippet (level_str);

      _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path,
                         "level",
                         _("“%s” is not a level: use part, chapter, section, article, clause, "
                           "point or paragraph"),
                         snippet);
      return;
    }
  *known = TRUE;

  if (parent == SODO_NO_INDEX || !loader->level_known->data[parent])
    return;

  parent_node = &g_array_index (loader->self->nodes, SodoRegulationNode, parent);
  if (!sodo_level_can_hold (parent_node->level, node->level))
    _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_STRUCTURE, object, path,
                       "level",
                       /* Translators: the two values are level names as written in the
                        * file ("article", "chapter"); keep them untranslated */
                       _("level “%s” cannot hold level “%s”: levels run part, chapter, "
                         "section, article, clause, point; one may be skipped, never inverted"),
                       sodo_level_to_string (parent_node->level),
                       sodo_level_to_string (node->level));
}

static void
read_node_id (Loader             *loader,
              JsonObject         *object,
              const char         *path,
              SodoRegulationNode *node)
{
  gpointer first;

  if (!_sodo_json_get_id (&loader->ctx, object, path, "id", TRUE, &node->id) || node->id == NULL)
    return;

  first = g_hash_table_lookup (loader->self->node_by_id, node->id);
  if (first != NULL)
    {
      const SodoRegulationNode *other;

      other = &g_array_index (loader->self->nodes, SodoRegulationNode,
                              GPOINTER_TO_UINT (first) - 1);
      _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_DUPLICATE, object, path,
                         "id", _("the id “%s” is already used by the node on line %u"),
                         node->id, other->line);
      return;
    }

  g_hash_table_insert (loader->self->node_by_id, (gpointer) node->id,
                       GUINT_TO_POINTER (loader->self->nodes->len + 1));
}

/* Reads one node object and appends it; returns its index. */
static guint32
read_node (Loader     *loader,
           JsonObject *object,
           const char *path,
           guint32     parent)
{
  SodoRegulation *self = loader->self;
  SodoRegulationNode node = { 0 };
  guint column = 0;
  guint applies_start = self->applies_to->len;
  guint8 known;
  gboolean level_known;

  node.parent = parent;
  node.first_child = SODO_NO_INDEX;
  node.next_sibling = SODO_NO_INDEX;
  node.level = SODO_LEVEL_PARAGRAPH;
  if (parent != SODO_NO_INDEX)
    node.depth = g_array_index (self->nodes, SodoRegulationNode, parent).depth + 1;
  _sodo_json_doc_get_position (loader->ctx.doc, object, NULL, &node.line, &column);

  _sodo_json_check_keys (&loader->ctx, object, path, node_keys);
  read_node_id (loader, object, path, &node);
  read_node_level (loader, object, path, parent, &node, &level_known);
  _sodo_json_get_string (&loader->ctx, object, path, "number", FALSE, &node.number);
  _sodo_json_get_text (&loader->ctx, object, path, "title", FALSE, &node.title);
  _sodo_json_get_text (&loader->ctx, object, path, "text", FALSE, &node.text);
  read_applies_to (loader, object, path, &node.n_applies_to);

  known = level_known;
  g_byte_array_append (loader->level_known, &known, 1);
  g_array_append_val (loader->applies_start, applies_start);
  g_array_append_val (self->nodes, node);

  return self->nodes->len - 1;
}

static void
link_node (SodoRegulation *self,
           WalkFrame      *frame,
           guint32         index)
{
  if (frame->last_child != SODO_NO_INDEX)
    g_array_index (self->nodes, SodoRegulationNode, frame->last_child).next_sibling = index;
  else if (frame->parent != SODO_NO_INDEX)
    g_array_index (self->nodes, SodoRegulationNode, frame->parent).first_child = index;
  else
    self->first_node = index;
  frame->last_child = index;
}

static void
push_frame (GArray     *stack,
            JsonObject *owner,
            const char *member,
            JsonArray  *array,
            const char *owner_path,
            guint32     parent)
{
  WalkFrame frame = { owner, member, array, g_strdup (owner_path), 0, parent, SODO_NO_INDEX };

  g_array_append_val (stack, frame);
}

static void
clear_frame (gpointer data)
{
  WalkFrame *frame = data;

  g_free (frame->owner_path);
}

/* Reads the next element of the list on top of @stack; pushes its children, if any. */
static void
walk_step (Loader *loader,
           GArray *stack)
{
  WalkFrame *frame = &g_array_index (stack, WalkFrame, stack->len - 1);
  guint element_index = frame->next++;
  g_autofree char *path = NULL;
  JsonArray *children = NULL;
  JsonObject *object;
  guint32 index;

  object = _sodo_json_array_get_object (&loader->ctx, frame->owner, frame->owner_path,
                                        frame->member, frame->array, element_index);
  if (object == NULL)
    return;

  path = _sodo_json_path_element (frame->owner_path, frame->member, element_index);
  if (loader->self->nodes->len >= SODO_MAX_REGULATION_NODES)
    {
      _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, object, path,
                         NULL, _("a regulation may hold at most %u nodes"),
                         (guint) SODO_MAX_REGULATION_NODES);
      loader->too_many = TRUE;
      return;
    }

  index = read_node (loader, object, path, frame->parent);
  link_node (loader->self, frame, index);

  if (_sodo_json_get_array (&loader->ctx, object, path, "children", FALSE, &children)
      && children != NULL && json_array_get_length (children) > 0)
    push_frame (stack, object, "children", children, path, index);
}

/* Walks the nesting with an explicit stack: a deep body must not overflow the C stack. */
static void
read_body (Loader     *loader,
           JsonObject *root)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (WalkFrame));
  JsonArray *body = NULL;

  g_array_set_clear_func (stack, clear_frame);
  if (!_sodo_json_get_array (&loader->ctx, root, "", "body", FALSE, &body) || body == NULL)
    return;

  push_frame (stack, root, "body", body, "", SODO_NO_INDEX);
  while (stack->len > 0 && !loader->too_many)
    {
      WalkFrame *top = &g_array_index (stack, WalkFrame, stack->len - 1);

      if (top->next >= json_array_get_length (top->array))
        g_array_set_size (stack, stack->len - 1);
      else
        walk_step (loader, stack);
    }
}

static void
read_header (Loader     *loader,
             JsonObject *root)
{
  SodoRegulation *self = loader->self;
  SodoJsonContext *ctx = &loader->ctx;
  const char *status = NULL;

  _sodo_json_check_keys (ctx, root, "", root_keys);
  _sodo_json_get_id (ctx, root, "", "id", TRUE, &self->id);
  _sodo_json_get_text (ctx, root, "", "title", TRUE, &self->title);
  _sodo_json_get_string (ctx, root, "", "number", FALSE, &self->number);
  if (_sodo_json_get_string (ctx, root, "", "status", TRUE, &status)
      && !sodo_regulation_status_from_string (status, &self->status))
    {
      g_autofree char *snippet = _sodo_json_snippet (status);

      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, root, "", "status",
                         _("“%s” is not a status: use draft, issued or superseded"), snippet);
    }
  _sodo_json_get_date (ctx, root, "", "date", FALSE, &self->date);
  _sodo_json_get_text (ctx, root, "", "issuer", FALSE, &self->issuer);
  _sodo_json_get_text (ctx, root, "", "description", FALSE, &self->description);
  _sodo_json_get_sources (ctx, root, "", &self->sources);
}

static void
index_applies_to (Loader *loader)
{
  SodoRegulation *self = loader->self;
  const char **all = (const char **) self->applies_to->pdata;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SodoRegulationNode *node = &g_array_index (self->nodes, SodoRegulationNode, i);
      guint start = g_array_index (loader->applies_start, guint, i);

      node->applies_to = node->n_applies_to > 0 ? (const char *const *) all + start : NULL;
      for (guint j = 0; j < node->n_applies_to; j++)
        {
          GArray *indices = g_hash_table_lookup (self->applying_nodes, all[start + j]);
          guint32 index = i;

          if (indices == NULL)
            {
              indices = g_array_new (FALSE, FALSE, sizeof (guint32));
              g_hash_table_insert (self->applying_nodes, (gpointer) all[start + j], indices);
            }
          /* A node naming the same id twice is listed once. */
          if (indices->len == 0 || g_array_index (indices, guint32, indices->len - 1) != index)
            g_array_append_val (indices, index);
        }
    }
}

static gboolean
load_document (SodoRegulation  *self,
               SodoJsonDoc     *doc,
               SodoDiagnostics *diags)
{
  Loader loader = { { doc, diags, self->pool }, self, NULL, NULL, FALSE };
  JsonObject *root = _sodo_json_get_root_object (&loader.ctx);

  if (root == NULL || !_sodo_json_check_header (&loader.ctx, root, "sodo-regulation"))
    return FALSE;

  loader.level_known = g_byte_array_new ();
  loader.applies_start = g_array_new (FALSE, FALSE, sizeof (guint));

  read_header (&loader, root);
  read_body (&loader, root);
  index_applies_to (&loader);

  g_byte_array_unref (loader.level_known);
  g_array_unref (loader.applies_start);

  return !sodo_diagnostics_has_errors (diags);
}

SodoRegulation *
sodo_regulation_load_bytes (GBytes           *bytes,
                            const char       *display_name,
                            SodoDiagnostics  *diags,
                            GError          **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  g_autoptr(SodoRegulation) self = NULL;
  g_autoptr(SodoJsonDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = diags != NULL ? sodo_diagnostics_get_file (diags) : "";
  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name);

  self = g_object_new (SODO_TYPE_REGULATION, NULL);
  self->display_name = g_strdup (display_name);

  doc = _sodo_json_doc_parse (bytes, diags);
  if (doc == NULL || !load_document (self, doc, diags))
    {
      if (!sodo_diagnostics_propagate (diags, error))
        g_set_error_literal (error, SODO_ERROR, SODO_ERROR_SYNTAX,
                             _("the regulation could not be read"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

SodoRegulation *
sodo_regulation_load_file (GFile            *file,
                           SodoDiagnostics  *diags,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  SodoRegulation *self;

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
                             _("the regulation could not be read"));
      return NULL;
    }

  self = sodo_regulation_load_bytes (bytes, display_name, diags, error);
  if (self != NULL)
    self->file = g_object_ref (file);

  return self;
}

/* Accessors */

const char *
sodo_regulation_get_display_name (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return self->display_name;
}

GFile *
sodo_regulation_get_file (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return self->file;
}

SodoTextPool *
sodo_regulation_get_text_pool (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return self->pool;
}

const char *
sodo_regulation_text (SodoRegulation *self,
                      SodoText        text)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return sodo_text_pool_resolve (self->pool, text, sodo_language_get (), NULL);
}

const char *
sodo_regulation_get_id (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return self->id;
}

SodoText
sodo_regulation_get_title (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_TEXT_NONE);

  return self->title;
}

const char *
sodo_regulation_get_number (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return self->number;
}

SodoRegulationStatus
sodo_regulation_get_status (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_REGULATION_DRAFT);

  return self->status;
}

const char *
sodo_regulation_get_date (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return self->date;
}

SodoText
sodo_regulation_get_issuer (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_TEXT_NONE);

  return self->issuer;
}

SodoText
sodo_regulation_get_description (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_TEXT_NONE);

  return self->description;
}

const SodoSource *
sodo_regulation_get_sources (SodoRegulation *self,
                             guint          *n_sources)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  if (self->sources == NULL || self->sources->len == 0)
    {
      *n_sources = 0;
      return NULL;
    }

  *n_sources = self->sources->len;
  return (const SodoSource *) (gpointer) self->sources->data;
}

guint
sodo_regulation_get_n_nodes (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), 0);

  return self->nodes->len;
}

const SodoRegulationNode *
sodo_regulation_get_nodes (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);

  return (const SodoRegulationNode *) (gpointer) self->nodes->data;
}

const SodoRegulationNode *
sodo_regulation_get_node (SodoRegulation *self,
                          guint           index)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, SodoRegulationNode, index);
}

guint
sodo_regulation_get_first_node (SodoRegulation *self)
{
  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_NO_INDEX);

  return self->first_node;
}

guint
sodo_regulation_find_node (SodoRegulation *self,
                           const char     *id)
{
  gpointer found;

  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_NO_INDEX);

  if (id == NULL)
    return SODO_NO_INDEX;

  found = g_hash_table_lookup (self->node_by_id, id);
  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : SODO_NO_INDEX;
}

static void
add_applying_nodes (SodoRegulation *self,
                    const char     *id,
                    GArray         *result)
{
  GArray *indices;

  if (id == NULL)
    return;

  indices = g_hash_table_lookup (self->applying_nodes, id);
  if (indices == NULL)
    return;

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint32, i);

      g_array_append_val (result, index);
    }
}

static int
compare_index (gconstpointer a,
               gconstpointer b)
{
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

GArray *
sodo_regulation_nodes_for_unit (SodoRegulation *self,
                                SodoOrgchart   *chart,
                                guint           unit_index)
{
  GArray *result;
  const SodoUnit *unit;
  const SodoUnitDetails *details;
  const SodoKind *kinds;
  guint n_kinds = 0;
  guint kept = 0;

  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);
  g_return_val_if_fail (SODO_IS_ORGCHART (chart), NULL);
  g_return_val_if_fail (unit_index < sodo_orgchart_get_n_units (chart), NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  unit = sodo_orgchart_get_unit (chart, unit_index);
  details = sodo_orgchart_get_details (chart, unit_index);

  for (guint i = 0; i < details->n_regulation_refs; i++)
    {
      guint index = sodo_regulation_find_node (self, details->regulation_refs[i]);

      if (index != SODO_NO_INDEX)
        g_array_append_val (result, index);
    }

  add_applying_nodes (self, unit->id, result);
  kinds = sodo_orgchart_get_kinds (chart, &n_kinds);
  if (unit->kind < n_kinds)
    add_applying_nodes (self, kinds[unit->kind].id, result);

  /* Document order is index order (the array is pre-order); drop repeats. */
  g_array_sort (result, compare_index);
  for (guint i = 0; i < result->len; i++)
    {
      guint index = g_array_index (result, guint, i);

      if (kept == 0 || g_array_index (result, guint, kept - 1) != index)
        g_array_index (result, guint, kept++) = index;
    }
  g_array_set_size (result, kept);

  return result;
}
