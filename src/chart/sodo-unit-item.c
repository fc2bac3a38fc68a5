/* sodo-unit-item.c: one unit of a chart as a GObject, for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-unit-item-private.h"

struct _SodoUnitItem
{
  GObject       parent_instance;

  SodoOrgchart *orgchart;
  guint         unit;
};

G_DEFINE_FINAL_TYPE (SodoUnitItem, sodo_unit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_UNIT,
  PROP_NAME,
  PROP_KIND_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static gint n_alive;
static gint n_made;

static void
sodo_unit_item_finalize (GObject *object)
{
  SodoUnitItem *self = SODO_UNIT_ITEM (object);

  g_clear_object (&self->orgchart);
  g_atomic_int_add (&n_alive, -1);

  G_OBJECT_CLASS (sodo_unit_item_parent_class)->finalize (object);
}

static void
sodo_unit_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SodoUnitItem *self = SODO_UNIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;
    case PROP_UNIT:
      g_value_set_uint (value, self->unit);
      break;
    case PROP_NAME:
      g_value_set_string (value, sodo_unit_item_get_name (self));
      break;
    case PROP_KIND_NAME:
      g_value_set_string (value, sodo_unit_item_get_kind_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_unit_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SodoUnitItem *self = SODO_UNIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      self->orgchart = g_value_dup_object (value);
      break;
    case PROP_UNIT:
      self->unit = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_unit_item_class_init (SodoUnitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_unit_item_finalize;
  object_class->get_property = sodo_unit_item_get_property;
  object_class->set_property = sodo_unit_item_set_property;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_uint ("unit", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sodo_unit_item_init (SodoUnitItem *self)
{
  g_atomic_int_inc (&n_alive);
  g_atomic_int_inc (&n_made);
}

SodoUnitItem *
sodo_unit_item_new (SodoOrgchart *orgchart,
                    guint         unit)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (orgchart), NULL);
  g_return_val_if_fail (unit < sodo_orgchart_get_n_units (orgchart), NULL);

  return g_object_new (SODO_TYPE_UNIT_ITEM, "orgchart", orgchart, "unit", unit, NULL);
}

SodoOrgchart *
sodo_unit_item_get_orgchart (SodoUnitItem *self)
{
  g_return_val_if_fail (SODO_IS_UNIT_ITEM (self), NULL);

  return self->orgchart;
}

guint
sodo_unit_item_get_unit (SodoUnitItem *self)
{
  g_return_val_if_fail (SODO_IS_UNIT_ITEM (self), SODO_NO_INDEX);

  return self->unit;
}

const char *
sodo_unit_item_get_name (SodoUnitItem *self)
{
  g_return_val_if_fail (SODO_IS_UNIT_ITEM (self), NULL);

  return sodo_orgchart_text (self->orgchart,
                             sodo_orgchart_get_unit (self->orgchart, self->unit)->name);
}

const char *
sodo_unit_item_get_kind_name (SodoUnitItem *self)
{
  const SodoKind *kinds;
  guint n_kinds = 0;
  guint kind;

  g_return_val_if_fail (SODO_IS_UNIT_ITEM (self), NULL);

  kinds = sodo_orgchart_get_kinds (self->orgchart, &n_kinds);
  kind = sodo_orgchart_get_unit (self->orgchart, self->unit)->kind;
  return kind < n_kinds ? sodo_orgchart_text (self->orgchart, kinds[kind].name) : NULL;
}

guint
sodo_unit_item_get_n_children (SodoUnitItem *self)
{
  g_return_val_if_fail (SODO_IS_UNIT_ITEM (self), 0);

  return sodo_orgchart_get_unit (self->orgchart, self->unit)->n_children;
}

guint
_sodo_unit_item_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

guint
_sodo_unit_item_get_n_made (void)
{
  return (guint) g_atomic_int_get (&n_made);
}
