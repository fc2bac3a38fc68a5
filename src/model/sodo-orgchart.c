/* sodo-orgchart.c: an org chart document and its accessors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sodo-json-private.h"
#include "sodo-language.h"
#include "sodo-orgchart-fast-private.h"

G_DEFINE_FINAL_TYPE (SodoOrgchart, sodo_orgchart, G_TYPE_OBJECT)

/* FNV-1a, then a multiplicative mix so that the low bits used for the slot depend on every
 * character ("u1000001" and "u1000002" differ only at the end). */
static guint32
hash_id (const char *id)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return (hash * 2654435769u) ^ (hash >> 15);
}

void
_sodo_id_index_clear (SodoIdIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
  index->mask = 0;
  index->count = 0;
}

static inline guint64
make_slot (guint32 hash,
           guint32 unit_index)
{
  return ((guint64) hash << 32) | (unit_index + 1);
}

guint32
_sodo_id_index_lookup (const SodoIdIndex *index,
                       const SodoUnit    *units,
                       const char        *id)
{
  guint32 hash;

  if (index->slots == NULL)
    return SODO_NO_INDEX;

  hash = hash_id (id);
  for (guint32 slot = hash & index->mask; ; slot = (slot + 1) & index->mask)
    {
      guint64 value = index->slots[slot];
      guint32 unit = (guint32) value;

      if (value == 0)
        return SODO_NO_INDEX;
      if ((guint32) (value >> 32) == hash && strcmp (units[unit - 1].id, id) == 0)
        return unit - 1;
    }
}

static void
place (SodoIdIndex *index,
       guint64      value)
{
  guint32 slot = (guint32) (value >> 32) & index->mask;

  while (index->slots[slot] != 0)
    slot = (slot + 1) & index->mask;
  index->slots[slot] = value;
}

static void
resize (SodoIdIndex *index,
        guint32      new_size)
{
  guint64 *old_slots = index->slots;
  guint32 old_size = old_slots != NULL ? index->mask + 1 : 0;

  index->slots = g_new0 (guint64, new_size);
  index->mask = new_size - 1;
  for (guint32 i = 0; i < old_size; i++)
    if (old_slots[i] != 0)
      place (index, old_slots[i]);
  g_free (old_slots);
}

/* Keeps the table at most half full, so that probe runs stay short. */
static void
grow (SodoIdIndex *index)
{
  resize (index, index->slots != NULL ? (index->mask + 1) * 2 : 1024);
}

void
_sodo_id_index_reserve (SodoIdIndex *index,
                        guint32      n_ids)
{
  guint32 size = index->slots != NULL ? index->mask + 1 : 1024;

  while (size / 2 < n_ids && size < G_MAXUINT32 / 4)
    size *= 2;
  if (index->slots == NULL || size > index->mask + 1)
    resize (index, size);
}

guint32
_sodo_id_index_insert (SodoIdIndex    *index,
                       const SodoUnit *units,
                       guint32         unit_index)
{
  const char *id = units[unit_index].id;
  guint32 hash = hash_id (id);

  if (index->slots != NULL)
    for (guint32 slot = hash & index->mask; index->slots[slot] != 0;
         slot = (slot + 1) & index->mask)
      {
        guint64 value = index->slots[slot];
        guint32 unit = (guint32) value;

        if ((guint32) (value >> 32) == hash && strcmp (units[unit - 1].id, id) == 0)
          return unit - 1;
      }

  if (index->slots == NULL || (index->count + 1) * 2 > index->mask + 1)
    grow (index);
  place (index, make_slot (hash, unit_index));
  index->count++;
  return SODO_NO_INDEX;
}

static void
sodo_orgchart_finalize (GObject *object)
{
  SodoOrgchart *self = SODO_ORGCHART (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->kind_index, g_hash_table_unref);
  g_clear_pointer (&self->relation_kinds, g_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->units, g_free);
  _sodo_id_index_clear (&self->unit_index);
  g_clear_pointer (&self->details, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->successors, g_array_unref);
  g_clear_pointer (&self->regulation_refs, g_ptr_array_unref);
  g_clear_pointer (&self->pool, sodo_text_pool_free);

  G_OBJECT_CLASS (sodo_orgchart_parent_class)->finalize (object);
}

static void
sodo_orgchart_class_init (SodoOrgchartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sodo_orgchart_finalize;
}

static void
sodo_orgchart_init (SodoOrgchart *self)
{
  self->pool = sodo_text_pool_new ();
  self->kinds = g_array_new (FALSE, TRUE, sizeof (SodoKind));
  self->kind_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_kinds = g_array_new (FALSE, TRUE, sizeof (SodoRelationKind));
  self->relations = g_array_new (FALSE, TRUE, sizeof (SodoRelation));
  self->details = g_array_new (FALSE, TRUE, sizeof (SodoUnitDetails));
  self->people = g_array_new (FALSE, TRUE, sizeof (SodoPerson));
  self->figures = g_array_new (FALSE, TRUE, sizeof (SodoFigure));
  self->successors = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->regulation_refs = g_ptr_array_new ();
  self->root = SODO_NO_INDEX;
}

SodoOrgchart *
_sodo_orgchart_new (const char *display_name)
{
  SodoOrgchart *self = g_object_new (SODO_TYPE_ORGCHART, NULL);

  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  return self;
}

SodoOrgchart *
sodo_orgchart_load_bytes (GBytes           *bytes,
                          const char       *display_name,
                          SodoDiagnostics  *diags,
                          GError          **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  SodoOrgchart *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name);

  /* Most files are well formed: read them the fast way, and any other the careful way. */
  self = _sodo_orgchart_load_fast (bytes, display_name);
  if (self == NULL)
    /* Most files are well formed: read them the fast way, and any other the careful way. */
  self = _sodo_orgchart_load_fast (bytes, display_name);
  if (self == NULL)
    self = _sodo_orgchart_load (bytes, display_name, diags);
  if (self == NULL)
    {
      if (!sodo_diagnostics_propagate (diags, error))
        g_set_error_literal (error, SODO_ERROR, SODO_ERROR_FORMAT, display_name);
      return NULL;
    }

  return self;
}

SodoOrgchart *
sodo_orgchart_load_file (GFile            *file,
                         SodoDiagnostics  *diags,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  SodoOrgchart *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);
  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name);

  bytes = _sodo_json_read_file (file, diags, cancellable);
  if (bytes == NULL)
    {
      sodo_diagnostics_propagate (diags, error);
      return NULL;
    }

  self = sodo_orgchart_load_bytes (bytes, display_name, diags, error);
  if (self != NULL)
    self->file = g_object_ref (file);

  return self;
}

const char *
sodo_orgchart_get_display_name (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  return self->display_name;
}

GFile *
sodo_orgchart_get_file (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  return self->file;
}

SodoTextPool *
sodo_orgchart_get_text_pool (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  return self->pool;
}

const char *
sodo_orgchart_text (SodoOrgchart *self,
                    SodoText      text)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  return sodo_text_pool_resolve (self->pool, text, sodo_language_get (), NULL);
}

SodoText
sodo_orgchart_get_title (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), SODO_TEXT_NONE);

  return self->title;
}

SodoText
sodo_orgchart_get_description (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), SODO_TEXT_NONE);

  return self->description;
}

const char *
sodo_orgchart_get_as_of (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  return self->as_of;
}

const SodoSource *
sodo_orgchart_get_sources (SodoOrgchart *self,
                           guint        *n_sources)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  if (n_sources != NULL)
    *n_sources = self->sources != NULL ? self->sources->len : 0;
  return self->sources != NULL ? (const SodoSource *) (gpointer) self->sources->data : NULL;
}

guint
sodo_orgchart_get_n_units (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), 0);

  return self->n_units;
}

const SodoUnit *
sodo_orgchart_get_units (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  return self->units;
}

const SodoUnit *
sodo_orgchart_get_unit (SodoOrgchart *self,
                        guint         index)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);
  g_return_val_if_fail (index < self->n_units, NULL);

  return &self->units[index];
}

guint
sodo_orgchart_get_root (SodoOrgchart *self)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), SODO_NO_INDEX);

  return self->root;
}

guint
sodo_orgchart_find_unit (SodoOrgchart *self,
                         const char   *id)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), SODO_NO_INDEX);

  if (id == NULL)
    return SODO_NO_INDEX;

  return _sodo_id_index_lookup (&self->unit_index, self->units, id);
}

const SodoUnitDetails *
sodo_orgchart_get_details (SodoOrgchart *self,
                           guint         unit_index)
{
  guint32 details;

  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);
  g_return_val_if_fail (unit_index < self->n_units, &self->no_details);

  details = self->units[unit_index].details;
  if (details == SODO_NO_INDEX)
    return &self->no_details;

  return &g_array_index (self->details, SodoUnitDetails, details);
}

const SodoKind *
sodo_orgchart_get_kinds (SodoOrgchart *self,
                         guint        *n_kinds)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  if (n_kinds != NULL)
    *n_kinds = self->kinds->len;
  return (const SodoKind *) (gpointer) self->kinds->data;
}

guint
sodo_orgchart_find_kind (SodoOrgchart *self,
                         const char   *id)
{
  gpointer value;

  g_return_val_if_fail (SODO_IS_ORGCHART (self), SODO_NO_INDEX);

  if (id == NULL)
    return SODO_NO_INDEX;

  value = g_hash_table_lookup (self->kind_index, id);
  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : SODO_NO_INDEX;
}

const SodoRelationKind *
sodo_orgchart_get_relation_kinds (SodoOrgchart *self,
                                  guint        *n_kinds)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  if (n_kinds != NULL)
    *n_kinds = self->relation_kinds->len;
  return (const SodoRelationKind *) (gpointer) self->relation_kinds->data;
}

const SodoRelation *
sodo_orgchart_get_relations (SodoOrgchart *self,
                             guint        *n_relations)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (self), NULL);

  if (n_relations != NULL)
    *n_relations = self->relations->len;
  return (const SodoRelation *) (gpointer) self->relations->data;
}
