/* sodo-application.c: Sodo's application object, its command line and its app actions
 *
 * The headless commands (--validate, --import-regulation, --export) run from
 * "handle-local-options", before the application registers or GTK opens a display, so they
 * work on a machine without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cli/sodo-cli.h"
#include "sodo-resources.h"

#include "sodo-application.h"
#include "sodo-dialogs.h"
#include "sodo-file-dialog.h"
#include "sodo-language-switch.h"
#include "sodo-preferences.h"
#include "sodo-window.h"

/* The exit status of bad usage (1 is invalid input, from the headless commands). */
#define SODO_EXIT_USAGE 2

struct _SodoApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* Set once "handle-local-options" runs: GApplication fails before it only when it could
   * not parse the command line, which is bad usage. */
  gboolean        options_parsed;
};

G_DEFINE_FINAL_TYPE (SodoApplication, sodo_application, ADW_TYPE_APPLICATION)

static const char *const sample_uris[] = {
  "resource://" RESOURCE_BASE_PATH "/samples/hanoi-2023.json",
  "resource://" RESOURCE_BASE_PATH "/samples/regulation-draft-2023.json",
  NULL
};

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the interface and the data: vi or en"), N_("LANGUAGE") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the files given, print every problem and exit"), NULL },
  { "import-regulation", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Turn a plain-text regulation into a Sodo regulation file (needs --output)"),
    N_("TEXT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file --import-regulation writes"), N_("OUT.json") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the file given as PDF, SVG, PNG or layout JSON (by OUT’s ending) and exit"),
    N_("OUT") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper of an exported PDF: a4, a3, a5, letter or legal"), N_("PAPER") },
  { "orientation", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Orientation of an exported PDF: portrait or landscape"), N_("ORIENTATION") },
  { "fit-pages", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Spread an exported chart over a grid of sheets, such as 3x2"), N_("CxR") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the chart at this scale, in percent"), N_("PERCENT") },
  { "branch", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only this unit and the units under it"), N_("UNIT_ID") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Layout of an exported chart: top-down or left-right"), N_("LAYOUT") },
  { "compact", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Stack the units without units of their own in columns in an exported chart"), NULL },
  { "comments-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the comments files given on the regulation given first as one report, PDF or "
       "Markdown by OUT’s ending, and exit"), N_("OUT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* The one place where app accelerators are set. */
static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.open", { "<Primary>o", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "app.quit", { "<Primary>q", NULL } },
  { "app.shortcuts", { "<Primary>question", NULL } },
  { "win.print", { "<Primary>p", NULL } },
  { "win.export", { "<Primary><Shift>e", NULL } },
};

SodoApplication *
sodo_application_new (void)
{
  return g_object_new (SODO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       NULL);
}

GSettings *
sodo_application_get_settings (SodoApplication *self)
{
  g_return_val_if_fail (SODO_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *const *
sodo_application_get_sample_uris (void)
{
  return sample_uris;
}

/* The main window to act on: the most recently focused SodoWindow, if any. */
static SodoWindow *
find_main_window (SodoApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SODO_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static SodoWindow *
ensure_main_window (SodoApplication *self)
{
  SodoWindow *window = find_main_window (self);

  if (window == NULL)
    window = sodo_window_new (self);

  return window;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  /* translators: %s is the program's name, "sodo" */
  g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
  g_printerr ("\n");

  return SODO_EXIT_USAGE;
}

static int
run_validate (const char *const *files,
              gboolean           importing)
{
  if (importing)
    return usage_error (_("--validate and --import-regulation cannot be used together"));
  if (files == NULL || files[0] == NULL)
    return usage_error (_("--validate needs at least one file"));

  return sodo_cli_validate (files);
}

static int
run_import_regulation (const char        *input,
                       const char        *output,
                       const char *const *files)
{
  if (output == NULL)
    return usage_error (_("--import-regulation needs --output OUT.json"));
  if (files != NULL && files[0] != NULL)
    return usage_error (_("--import-regulation takes one input file"));

  return sodo_cli_import_regulation (input, output);
}

static int
run_export (GVariantDict      *options,
            const char        *output,
            const char *const *files,
            gboolean           other_command)
{
  SodoCliExportOptions export = { output, };

  if (other_command)
    return usage_error (_("--export cannot be used with --validate or --import-regulation"));
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (_("--export takes one file to export"));

  export.input = files[0];
  g_variant_dict_lookup (options, "paper", "&s", &export.paper);
  g_variant_dict_lookup (options, "orientation", "&s", &export.orientation);
  g_variant_dict_lookup (options, "fit-pages", "&s", &export.fit_pages);
  g_variant_dict_lookup (options, "scale", "&s", &export.scale);
  g_variant_dict_lookup (options, "branch", "&s", &export.branch);
  g_variant_dict_lookup (options, "layout", "&s", &export.layout);
  export.compact = g_variant_dict_contains (options, "compact");
  return sodo_cli_export (&export);
}

/* Hands the files to the running instance, which may be this one or another process. */
static int
open_files_from_command_line (SodoApplication   *self,
                              const char *const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
  g_application_open (G_APPLICATION (self), (GFile **) gfiles->pdata, gfiles->len, "");

  /* Go on: GApplication then activates, which presents the window the files went to. */
  return -1;
}

static int
sodo_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  SodoApplication *self = SODO_APPLICATION (app);
  g_autofree const char **files = NULL;
  const char *language = NULL;
  const char *import_input = NULL;
  const char *output = NULL;
  const char *export_output = NULL;
  const char *report_output = NULL;
  static const char *const export_only[] = { "paper", "orientation", "fit-pages", "scale",
                                             "branch", "layout", "compact" };

  self->options_parsed = TRUE;

  /* main() already applied a valid --language; here a bad one is reported. */
  if (g_variant_dict_lookup (options, "language", "&s", &language)
      && g_strcmp0 (language, "vi") != 0 && g_strcmp0 (language, "en") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown language “%s”: use vi or en"),
                                                  language);
      return usage_error (message);
    }

  if (g_variant_dict_contains (options, "version"))
    {
      /* GETTEXT_PACKAGE is meson's project name, which is also the executable's name. */
      g_print ("%s %s\n", GETTEXT_PACKAGE, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "import-regulation", "^&ay", &import_input);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if (g_variant_dict_lookup (options, "comments-report", "^&ay", &report_output))
    {
      if (g_variant_dict_contains (options, "export") || import_input != NULL
          || g_variant_dict_contains (options, "validate"))
        return usage_error (_("--comments-report cannot be used with --export, --validate or "
                              "--import-regulation"));
      return sodo_cli_comments_report (report_output, (const char *const *) files);
    }
  if (g_variant_dict_lookup (options, "export", "^&ay", &export_output))
    return run_export (options, export_output, (const char *const *) files,
                       import_input != NULL || g_variant_dict_contains (options, "validate"));
  for (guint i = 0; i < G_N_ELEMENTS (export_only); i++)
    if (g_variant_dict_contains (options, export_only[i]))
      {
        g_autofree char *message = g_strdup_printf (_("--%s is only used with --export"),
                                                    export_only[i]);
        return usage_error (message);
      }

  if (g_variant_dict_contains (options, "validate"))
    return run_validate ((const char *const *) files, import_input != NULL);
  if (import_input != NULL)
    return run_import_regulation (import_input, output, (const char *const *) files);
  if (output != NULL)
    return usage_error (_("--output is only used with --import-regulation"));

  if (files != NULL && files[0] != NULL)
    return open_files_from_command_line (self, (const char *const *) files);

  return -1;
}

static gboolean
sodo_application_local_command_line (GApplication   *app,
                                     char         ***arguments,
                                     int            *exit_status)
{
  SodoApplication *self = SODO_APPLICATION (app);
  gboolean handled;

  self->options_parsed = FALSE;
  handled = G_APPLICATION_CLASS (sodo_application_parent_class)->local_command_line (app,
                                                                                     arguments,
                                                                                     exit_status);
  /* GApplication answers an unparsable command line with status 1; Sodo's is 2. */
  if (handled && !self->options_parsed && *exit_status == EXIT_FAILURE)
    *exit_status = SODO_EXIT_USAGE;

  return handled;
}

/* Files moved or deleted since last time are only mentioned: nothing is wrong with Sodo. */
static void
report_missing_files (SodoWindow *window,
                      GPtrArray  *files)
{
  g_autofree char *title = NULL;

  if (files->len == 1)
    {
      g_autofree char *basename = g_file_get_basename (files->pdata[0]);
      g_autofree char *name = g_markup_escape_text (basename, -1);

      title = g_strdup_printf (_("“%s”, open last time, is no longer there"), name);
    }
  else
    title = g_strdup_printf (ngettext ("%u file open last time is no longer there",
                                       "%u files open last time are no longer there",
                                       files->len),
                             files->len);

  sodo_window_add_toast (window, adw_toast_new (title));
}

/* Opens what was open last time, if any of it is still there, else the bundled samples. */
static void
open_initial_files (SodoApplication *self,
                    SodoWindow      *window)
{
  g_auto(GStrv) last_uris = g_settings_get_strv (self->settings, "last-files");
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_opened = 0;

  for (guint i = 0; last_uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last_uris[i]);

      if (g_file_query_exists (file, NULL))
        {
          sodo_window_open_file (window, file);
          n_opened++;
        }
      else
        g_ptr_array_add (missing, g_steal_pointer (&file));
    }
  if (missing->len > 0)
    report_missing_files (window, missing);

  for (guint i = 0; n_opened == 0 && sample_uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (sample_uris[i]);

      sodo_window_open_file (window, file);
    }
}

static void
sodo_application_activate (GApplication *app)
{
  SodoApplication *self = SODO_APPLICATION (app);
  SodoWindow *window = find_main_window (self);

  if (window == NULL)
    {
      window = sodo_window_new (self);
      open_initial_files (self, window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
sodo_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  SodoWindow *window = ensure_main_window (SODO_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    sodo_window_open_file (window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
}

static void
on_files_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SodoWindow) window = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = sodo_file_dialog_open_finish (result, &error);
  if (files == NULL)
    {
      /* Dismissing the dialog is not an error worth showing. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sodo_window_show_error (window, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      sodo_window_open_file (window, file);
    }
}

static void
app_open_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SodoWindow *window = ensure_main_window (SODO_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  sodo_file_dialog_open (GTK_WINDOW (window), on_files_chosen_cb, g_object_ref (window));
}

static void
app_quit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autolist(GtkWindow) windows = NULL;

  /* Closing (not just quitting) lets each window save its size and open files. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
app_about_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  sodo_dialogs_show_about (gtk_application_get_active_window (app));
}

static void
app_preferences_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SodoWindow *window = ensure_main_window (SODO_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (sodo_preferences_new (GTK_WINDOW (window))));
}

static void
app_shortcuts_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SodoWindow *window = ensure_main_window (SODO_APPLICATION (user_data));

  /* Each window owns its shortcuts window (see sodo-window.c), which shows the accelerators
   * set above. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_entries[] = {
  { .name = "about", .activate = app_about_action },
  { .name = "open", .activate = app_open_action },
  { .name = "preferences", .activate = app_preferences_action },
  { .name = "quit", .activate = app_quit_action },
  { .name = "shortcuts", .activate = app_shortcuts_action },
};

static void
sodo_application_startup (GApplication *app)
{
  SodoApplication *self = SODO_APPLICATION (app);

  G_APPLICATION_CLASS (sodo_application_parent_class)->startup (app);

  /* The schema id is the app id from meson, whatever id a test registers under. */
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  sodo_language_switch_add_action (GTK_APPLICATION (self), self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
sodo_application_constructed (GObject *object)
{
  GApplication *app = G_APPLICATION (object);

  G_OBJECT_CLASS (sodo_application_parent_class)->constructed (object);

  /* Whatever flags a test passes, files on the command line are opened. */
  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_HANDLES_OPEN);
  /* GApplication derives the path from the id; a .Devel or test id must still find the
   * resources, which are compiled under one path. */
  g_application_set_resource_base_path (app, RESOURCE_BASE_PATH);
}

static void
sodo_application_dispose (GObject *object)
{
  SodoApplication *self = SODO_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sodo_application_parent_class)->dispose (object);
}

static void
sodo_application_class_init (SodoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = sodo_application_constructed;
  object_class->dispose = sodo_application_dispose;

  app_class->activate = sodo_application_activate;
  app_class->handle_local_options = sodo_application_handle_local_options;
  app_class->local_command_line = sodo_application_local_command_line;
  app_class->open = sodo_application_open;
  app_class->startup = sodo_application_startup;

  /* The resources sit in the static library, and register themselves from a constructor:
   * referring to them keeps their object file, and so that constructor, in every link. */
  g_assert (sodo_get_resource () != NULL);
}

static void
sodo_application_init (SodoApplication *self)
{
  GApplication *app = G_APPLICATION (self);

  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_parameter_string (app, _("[FILE…]"));
  g_application_set_option_context_summary (app,
    _("Shows the structure of a provincial Party organisation as an org chart beside the "
      "regulation that defines it. Files given are opened; with none, the bundled sample "
      "data is shown."));
  g_application_set_option_context_description (app,
    _("Exit status: 0 on success, 1 on invalid input, 2 on bad usage."));
}
