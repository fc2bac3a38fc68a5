/* sodo-print-operation.c: a GtkPrintOperation that paginates a chart or a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-error.h"
#include "render/sodo-regulation-print.h"

#include "sodo-dialogs.h"
#include "sodo-print-operation.h"

struct _SodoPrintOperation
{
  GtkPrintOperation      parent_instance;

  /* What is printed: a chart's scene and how, or a regulation. */
  SodoChartScene        *scene;
  SodoPaginationOptions  options;
  char                  *subtitle;
  char                  *print_date;
  SodoRegulation        *regulation;

  /* Made by begin-print for the paper chosen. */
  SodoPagination        *pagination;
  SodoPrintDocument     *document;
  GtkPageSetup          *used_page_setup;

  GSettings             *settings;
  GtkWindow             *parent;            /* weak */
  GError                *failure;
  gboolean               running;           /* a run holds a reference until "done" */
};

G_DEFINE_FINAL_TYPE (SodoPrintOperation, sodo_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
set_failure (SodoPrintOperation *self,
             GError             *error)
{
  g_clear_error (&self->failure);
  self->failure = error;
}

static void
sodo_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  SodoPrintOperation *self = SODO_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  GError *error = NULL;

  g_clear_pointer (&self->pagination, sodo_pagination_free);
  g_clear_object (&self->used_page_setup);
  self->used_page_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));

  if (self->regulation != NULL)
    {
      gtk_print_operation_set_n_pages (operation,
                                       sodo_print_document_paginate (self->document, width,
                                                                     height));
      return;
    }

  self->options.page_width = width;
  self->options.page_height = height;
  self->pagination = sodo_pagination_new (self->scene, &self->options, &error);
  if (self->pagination == NULL)
    {
      /* Told to the user when the operation is done: cancelling ends it without a page. */
      set_failure (self, error);
      gtk_print_operation_set_n_pages (operation, 1);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, sodo_pagination_get_n_pages (self->pagination));
}

static void
sodo_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  SodoPrintOperation *self = SODO_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* The context's user space is the printable area, in points (the operation's unit). */
  if (self->document != NULL)
    sodo_print_document_draw_page (self->document, cr, page_nr);
  else if (self->pagination != NULL && (guint) page_nr < sodo_pagination_get_n_pages (self->pagination))
    sodo_pagination_draw_page (self->pagination, cr, page_nr);
}

static void
save_settings (SodoPrintOperation *self)
{
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));

  if (self->settings == NULL)
    return;
  if (print_settings != NULL)
    g_settings_set_value (self->settings, "print-settings",
                          gtk_print_settings_to_gvariant (print_settings));
  if (self->used_page_setup != NULL)
    sodo_print_page_setup_to_settings (self->settings, self->used_page_setup);
}

static void
show_failure (SodoPrintOperation *self)
{
  if (self->failure == NULL)
    return;
  sodo_dialogs_show_message (self->parent,
                             /* Translators: the heading of the message when printing fails */
                             _("Could Not Print"), self->failure->message, NULL);
}

static void
sodo_print_operation_done (GtkPrintOperation       *operation,
                           GtkPrintOperationResult  result)
{
  SodoPrintOperation *self = SODO_PRINT_OPERATION (operation);
  GError *error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      set_failure (self, error != NULL ? error
                                       : g_error_new_literal (SODO_ERROR, SODO_ERROR_IO,
                                                              _("The printer reported an error.")));
    }
  show_failure (self);

  if (GTK_PRINT_OPERATION_CLASS (sodo_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (sodo_print_operation_parent_class)->done (operation, result);
  if (self->running)
    {
      self->running = FALSE;
      g_object_unref (self);
    }
}

static void
sodo_print_operation_finalize (GObject *object)
{
  SodoPrintOperation *self = SODO_PRINT_OPERATION (object);

  g_clear_object (&self->scene);
  g_clear_object (&self->regulation);
  g_clear_pointer (&self->pagination, sodo_pagination_free);
  g_clear_pointer (&self->document, sodo_print_document_free);
  g_clear_object (&self->used_page_setup);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->parent);
  g_clear_error (&self->failure);
  g_free (self->subtitle);
  g_free (self->print_date);

  G_OBJECT_CLASS (sodo_print_operation_parent_class)->finalize (object);
}

static void
sodo_print_operation_class_init (SodoPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = sodo_print_operation_finalize;
  operation_class->begin_print = sodo_print_operation_begin_print;
  operation_class->draw_page = sodo_print_operation_draw_page;
  operation_class->done = sodo_print_operation_done;
}

static void
sodo_print_operation_init (SodoPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Sizes in points, origin at the printable area: the pagination's own terms. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  /* Paper and orientation can still change in the print dialog; begin-print follows. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
}

SodoPrintOperation *
sodo_print_operation_new_for_chart (SodoChartScene              *scene,
                                    const SodoPaginationOptions *options)
{
  SodoPrintOperation *self;
  SodoOrgchart *chart;
  const char *title;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (SODO_TYPE_PRINT_OPERATION, NULL);
  self->scene = g_object_ref (scene);
  self->options = *options;
  self->subtitle = g_strdup (options->subtitle);
  self->print_date = g_strdup (options->print_date);
  self->options.subtitle = self->subtitle;
  self->options.print_date = self->print_date;

  chart = sodo_chart_scene_get_orgchart (scene);
  title = sodo_orgchart_text (chart, sodo_orgchart_get_title (chart));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL ? title
                                                  : sodo_orgchart_get_display_name (chart));
  return self;
}

SodoPrintOperation *
sodo_print_operation_new_for_regulation (SodoRegulation *regulation)
{
  SodoPrintOperation *self;
  const char *title;

  g_return_val_if_fail (SODO_IS_REGULATION (regulation), NULL);

  self = g_object_new (SODO_TYPE_PRINT_OPERATION, NULL);
  self->regulation = g_object_ref (regulation);
  self->document = sodo_regulation_print_new (regulation);
  title = sodo_regulation_text (regulation, sodo_regulation_get_title (regulation));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL ? title
                                                  : sodo_regulation_get_display_name (regulation));
  return self;
}

GtkPageSetup *
sodo_print_page_setup_from_settings (GSettings *settings)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  value = g_settings_get_value (settings, "page-setup");
  /* An empty dictionary is the default: nothing chosen yet. */
  if (g_variant_n_children (value) == 0)
    return NULL;
  return gtk_page_setup_new_from_gvariant (value);
}

void
sodo_print_page_setup_to_settings (GSettings    *settings,
                                   GtkPageSetup *setup)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_PAGE_SETUP (setup));

  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

void
sodo_print_operation_use_settings (SodoPrintOperation *self,
                                   GSettings          *settings)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_if_fail (SODO_IS_PRINT_OPERATION (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  value = g_settings_get_value (settings, "print-settings");
  if (g_variant_n_children (value) > 0)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (value);

      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), print_settings);
    }
  /* A page setup chosen in Sodo's options wins over the one kept from last time. */
  setup = sodo_print_page_setup_from_settings (settings);
  if (setup != NULL && gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self)) == NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

SodoPagination *
sodo_print_operation_get_pagination (SodoPrintOperation *self)
{
  g_return_val_if_fail (SODO_IS_PRINT_OPERATION (self), NULL);
  return self->pagination;
}

const GError *
sodo_print_operation_get_failure (SodoPrintOperation *self)
{
  g_return_val_if_fail (SODO_IS_PRINT_OPERATION (self), NULL);
  return self->failure;
}

void
sodo_print_operation_run_dialog (SodoPrintOperation *self,
                                 GtkWindow          *parent)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (SODO_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  g_set_weak_pointer (&self->parent, parent);
  g_clear_error (&self->failure);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);

  /* Alive until "done", which may come after this returns. */
  self->running = TRUE;
  g_object_ref (self);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (!self->running || result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    return;

  /* It ended without "done": it failed before it got going. */
  self->running = FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->failure == NULL && error != NULL)
    {
      set_failure (self, g_steal_pointer (&error));
      show_failure (self);
    }
  g_object_unref (self);
}
